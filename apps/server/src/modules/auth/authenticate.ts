import type { FastifyReply, FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import { AppError } from '../../platform/errors';
import { isBearerRequest } from '../../platform/http/csrf';
import type { RequestAuth } from '../../platform/http/request-context';
import { authCache, cachedAuth, type CachedAuth } from './auth-cache';
import type { BetterAuth } from './better-auth';

const FAR_FUTURE = Number.MAX_SAFE_INTEGER;

async function verifyApiKey(auth: BetterAuth, key: string): Promise<CachedAuth> {
  const result = await auth.api.verifyApiKey({ body: { key } });
  if (!result.valid || !result.key) {
    const code = result.error?.code;
    if (code === 'RATE_LIMITED') throw new AppError('RATE_LIMITED', 'This API key made too many requests; slow down');
    throw new AppError('UNAUTHENTICATED', code === 'KEY_EXPIRED' ? 'This API key has expired' : 'Invalid API key');
  }
  return {
    auth: { userId: result.key.referenceId, via: 'api_key', sessionId: null },
    expiresAt: result.key.expiresAt ? new Date(result.key.expiresAt).getTime() : FAR_FUTURE,
  };
}

async function verifySession(auth: BetterAuth, req: FastifyRequest): Promise<CachedAuth | null> {
  const session = await auth.api.getSession({ headers: fromNodeHeaders(req.headers) });
  if (!session) return null;
  return {
    auth: { userId: session.user.id, via: 'session', sessionId: session.session.id },
    expiresAt: new Date(session.session.expiresAt).getTime(),
  };
}

/** The session cookie's value, whatever better-auth's prefix (plain or __Secure-). */
function sessionCookieOf(req: FastifyRequest): string | undefined {
  for (const [name, value] of Object.entries(req.cookies)) if (name.endsWith('.session_token')) return value;
  return undefined;
}

/**
 * Who is calling: an API key in `Authorization: Bearer …` (scripts) or the
 * session cookie (browsers). A bearer request never falls back to cookies.
 * Answers are cached briefly per node (see auth-cache.ts).
 */
export async function resolveRequestAuth(auth: BetterAuth, req: FastifyRequest): Promise<RequestAuth | null> {
  const cache = authCache(req.server.deps);
  if (isBearerRequest(req)) {
    const key = req.headers.authorization!.replace(/^Bearer\s+/i, '').trim();
    return cachedAuth(cache.apiKeys, key, () => verifyApiKey(auth, key));
  }
  const cookie = sessionCookieOf(req);
  if (!cookie) return null;
  return cachedAuth(cache.sessions, cookie, () => verifySession(auth, req));
}

/** preHandler for routes that need a signed-in user. */
export function authenticateWith(auth: BetterAuth) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    req.auth ??= await resolveRequestAuth(auth, req);
    if (!req.auth) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  };
}
