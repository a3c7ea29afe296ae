import { AppError, conflict } from '../../platform/errors';
import type { BetterAuth } from './better-auth';

/**
 * Creates a user with a password and an already verified e-mail, without
 * sending mail: for the CLI and the demo seed, where an operator vouches for
 * the address. Goes through better-auth's own adapter and password hasher.
 */
export async function createUserWithPassword(
  auth: BetterAuth,
  input: { email: string; password: string; name: string },
): Promise<{ id: string; email: string }> {
  const ctx = await auth.$context;
  const email = input.email.toLowerCase();
  if (input.password.length < 8) throw new AppError('VALIDATION_FAILED', 'password must be at least 8 characters');
  if (await ctx.internalAdapter.findUserByEmail(email)) throw conflict(`A user with e-mail ${email} already exists`);
  const user = await ctx.internalAdapter.createUser({ email, name: input.name, emailVerified: true }, { method: 'admin' });
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: await ctx.password.hash(input.password),
  });
  return { id: user.id, email: user.email };
}
