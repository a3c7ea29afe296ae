import type { QueryClient } from '@tanstack/react-query';
import { redirect, type ParsedLocation } from '@tanstack/react-router';
import type { Me } from '@aio/contracts';
import { sessionQuery } from '../features/auth/session';

export interface RouterContext {
  queryClient: QueryClient;
}

interface GuardArgs {
  context: RouterContext;
  location: ParsedLocation;
}

/** Signed-in area: send visitors to sign-in and bring them back afterwards. */
export async function requireSignedIn({ context, location }: GuardArgs): Promise<{ user: Me }> {
  const session = await context.queryClient.ensureQueryData(sessionQuery);
  if (!session.user) {
    throw redirect({ href: `/sign-in?${new URLSearchParams({ redirect: location.href })}` });
  }
  if (!session.user.emailVerified) {
    throw redirect({ href: `/verify-email?${new URLSearchParams({ email: session.user.email, redirect: location.href })}` });
  }
  return { user: session.user };
}

/** Sign-in / sign-up / forgot-password make no sense once signed in. */
export async function redirectIfSignedIn(context: RouterContext, target: string | undefined): Promise<void> {
  // If the session cannot be loaded (server restarting), still show the form:
  // submitting it will report the real problem.
  // No retries here: a signed-out visitor should not wait on back-off to see the form.
  const session = await context.queryClient.ensureQueryData({ ...sessionQuery, retry: false }).catch(() => null);
  if (session?.user?.emailVerified) throw redirect({ href: target ?? '/' });
}
