import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../../platform/http/error-handler';
import { userCtx } from '../../platform/http/request-context';
import { credentialsRevoked } from './auth-cache';
import { resolveRequestAuth } from './authenticate';
import type { BetterAuth } from './better-auth';
import { findUserById } from './repository';
import { recordSecurityAction } from './service';

/** Security actions that happen inside better-auth and belong in the user's audit trail. */
const AUDITED: Record<string, (twoFactorBefore: boolean, twoFactorAfter: boolean) => string | null> = {
  '/two-factor/enable': () => 'two_factor.setup_started',
  '/two-factor/verify-totp': (before, after) => (!before && after ? 'two_factor.enabled' : null),
  '/two-factor/disable': () => 'two_factor.disabled',
  '/two-factor/generate-backup-codes': () => 'two_factor.backup_codes_regenerated',
  '/revoke-sessions': () => 'sessions.revoked_all',
  '/change-password': () => 'password.changed',
};

/** Paths after which some session may no longer be valid: cached answers must go. */
const REVOKES_SESSIONS = /^\/(sign-out|revoke-session|revoke-sessions|revoke-other-sessions|change-password|reset-password|delete-user)$/;

function toWebRequest(req: FastifyRequest, publicUrl: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'content-length' || name === 'x-aio-client-ip') continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  // better-auth records the session's IP from this header; Fastify already applied TRUST_PROXY.
  headers.set('x-aio-client-ip', req.ip);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.url, publicUrl), {
    method: req.method,
    headers,
    body: hasBody ? JSON.stringify(req.body ?? {}) : undefined,
  });
}

/** better-auth answers errors as `{ code, message }`; the API has one error shape. */
function rewriteError(status: number, text: string): string {
  let parsed: { code?: string; message?: string } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = { message: text };
  }
  const code = parsed.code ?? (status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : 'VALIDATION_FAILED');
  return JSON.stringify(errorBody(code as never, parsed.message || 'Request failed'));
}

export async function forwardToBetterAuth(auth: BetterAuth, req: FastifyRequest, reply: FastifyReply) {
  const { db, config } = req.server.deps;
  const path = new URL(req.url, config.publicUrl).pathname.replace(/^\/api\/auth/, '');
  const audit = req.method === 'POST' ? AUDITED[path] : undefined;
  req.auth = audit ? await resolveRequestAuth(auth, req).catch(() => null) : null;
  const userBefore = req.auth ? await findUserById(db, req.auth.userId) : undefined;

  const response = await auth.handler(toWebRequest(req, config.publicUrl));

  reply.status(response.status);
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie' && name !== 'content-length') reply.header(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) reply.header('set-cookie', cookies);
  const text = await response.text();

  if (response.ok && REVOKES_SESSIONS.test(path)) await credentialsRevoked(req.server.deps, 'sessions');
  if (response.ok && audit && req.auth && userBefore) {
    const userAfter = await findUserById(db, req.auth.userId);
    const action = audit(userBefore.twoFactorEnabled, userAfter?.twoFactorEnabled ?? false);
    if (action) await recordSecurityAction(userCtx(req), action);
  }
  if (response.status >= 400 && (response.headers.get('content-type') ?? '').includes('json')) {
    return reply.send(rewriteError(response.status, text));
  }
  return reply.send(text === '' ? undefined : text);
}
