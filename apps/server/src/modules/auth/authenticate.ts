import type { FastifyReply, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import { AppError } from '../../platform/errors';
import { isBearerRequest } from '../../platform/http/csrf';
import type { RequestAuth } from '../../platform/http/request-context';
import type { BetterAuth } from './better-auth';

/**
 * Who is calling: an API key in `Authorization: Bearer …` (scripts) or the
 * session cookie (browsers). A bearer request never falls back to cookies.
 */
export async function resolveRequestAuth(auth: BetterAuth, req: FastifyRequest): Promise<RequestAuth | null> {
  if (isBearerRequest(req)) {
    const key = req.headers.authorization!.replace(/^Bearer\s+/i, '').trim();
    const result = await auth.api.verifyApiKey({ body: { key } });
    if (!result.valid || !result.key) {
      const code = result.error?.code;
      if (code === 'RATE_LIMITED') throw new AppError('RATE_LIMITED', 'This API key made too many requests; slow down');
      throw new AppError('UNAUTHENTICATED', code === 'KEY_EXPIRED' ? 'This API key has expired' : 'Invalid API key');
    }
    return { userId: result.key.referenceId, via: 'api_key', sessionId: null };
  }
  const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
  if (!session) return null;
  return { userId: session.user.id, via: 'session', sessionId: session.session.id };
}

/** preHandler for routes that need a signed-in user. */
export function authenticateWith(auth: BetterAuth) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    req.auth ??= await resolveRequestAuth(auth, req);
    if (!req.auth) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  };
}
