import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { randomToken, safeEqual } from '../crypto';

export const CSRF_COOKIE = 'aio_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isBearerRequest(req: FastifyRequest): boolean {
  return /^Bearer\s+\S/i.test(req.headers.authorization ?? '');
}

export interface CsrfOptions {
  publicUrl: string;
  /** Name of the session cookie: only requests that carry it are cookie-authenticated. */
  sessionCookieNames: string[];
  secureCookies: boolean;
}

/**
 * Double-submit CSRF protection for cookie sessions. A state-changing request
 * that carries a session cookie must either come from our own origin (browsers
 * always send Origin on such requests) or, when it has no Origin, echo the
 * CSRF cookie in a header. Bearer API keys are not ambient credentials, so
 * they are exempt.
 */
export function registerCsrf(app: FastifyInstance, opts: CsrfOptions): void {
  const allowedOrigin = new URL(opts.publicUrl).origin;

  app.addHook('onRequest', async (req, reply) => {
    let token = req.cookies[CSRF_COOKIE];
    if (!token) {
      token = randomToken(24);
      reply.setCookie(CSRF_COOKIE, token, {
        path: '/',
        sameSite: 'lax',
        secure: opts.secureCookies,
        httpOnly: false,
      });
      // Visible to this request's handlers (GET /api/v1/session returns it).
      req.cookies[CSRF_COOKIE] = token;
    }
    if (!UNSAFE_METHODS.has(req.method) || isBearerRequest(req)) return;
    const hasSession = opts.sessionCookieNames.some((name) => req.cookies[name] !== undefined);
    if (!hasSession) return;

    const origin = req.headers.origin;
    if (origin !== undefined) {
      if (origin !== allowedOrigin) throw new AppError('CSRF_FAILED', 'Cross-origin request refused');
      return;
    }
    const sent = req.headers[CSRF_HEADER];
    const cookie = req.cookies[CSRF_COOKIE];
    if (typeof sent !== 'string' || !cookie || !safeEqual(sent, cookie)) {
      throw new AppError('CSRF_FAILED', `Missing or wrong ${CSRF_HEADER} header (it must match the ${CSRF_COOKIE} cookie)`);
    }
  });
}
