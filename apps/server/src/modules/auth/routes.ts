import { ApiKeyParams, CreateApiKeyBody, CreatedApiKey, ErrorBody, Me, Session, UpdateMeBody, ApiKey } from '@aio/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSRF_COOKIE } from '../../platform/http/csrf';
import { userCtx } from '../../platform/http/request-context';
import type { BetterAuth } from './better-auth';
import { forwardToBetterAuth } from './proxy';
import { createMyApiKey, getMe, listMyApiKeys, revokeMyApiKey, updateMyName } from './service';
import { resolveRequestAuth } from './authenticate';

/** better-auth's own routes, under /api/auth/*, behind our rate limits and error shape. */
export const authProxyRoutes: FastifyPluginAsyncZod<{ auth: BetterAuth; perMinute: number }> = async (app, opts) => {
  // Credential-guessing endpoints share a small per-IP budget; the rest a larger one.
  const sensitive = /\/(sign-in|sign-up|request-password-reset|reset-password|change-password|send-verification-email|two-factor\/verify)/;
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: {
      tags: ['auth'],
      summary: 'better-auth endpoints (sign-up/email, sign-in/email, sign-out, two-factor/*, …)',
      description:
        'E-mail + password accounts, verification, password reset, sessions, TOTP two-factor and ' +
        'revoking all sessions. See the README for the list of paths. Rate limited per IP.',
    },
    config: {
      rateLimit: {
        max: (req) => (sensitive.test(req.url) ? opts.perMinute : opts.perMinute * 10),
        timeWindow: 60_000,
        keyGenerator: (req) => `${req.ip}:${sensitive.exec(req.url)?.[1] ?? 'auth'}`,
      },
    },
    handler: (req, reply) => forwardToBetterAuth(opts.auth, req, reply),
  });
};

/** The signed-in user's own account: profile, API keys. */
export const accountRoutes: FastifyPluginAsyncZod<{ auth: BetterAuth }> = async (app, opts) => {
  app.get(
    '/session',
    {
      schema: {
        tags: ['account'],
        summary: 'The current session (user or null) and the CSRF token to send in x-csrf-token',
        response: { 200: Session },
      },
    },
    async (req) => {
      req.auth ??= await resolveRequestAuth(opts.auth, req);
      return { csrfToken: req.cookies[CSRF_COOKIE]!, user: req.auth ? await getMe(userCtx(req)) : null };
    },
  );
};

export const meRoutes: FastifyPluginAsyncZod<{ auth: BetterAuth }> = async (app, opts) => {
  app.get('/me', { schema: { tags: ['account'], summary: 'My profile', response: { 200: Me, 401: ErrorBody } } }, async (req) =>
    getMe(userCtx(req)),
  );
  app.patch(
    '/me',
    { schema: { tags: ['account'], summary: 'Change my display name', body: UpdateMeBody, response: { 200: Me, 400: ErrorBody } } },
    async (req) => updateMyName(userCtx(req), req.body.name),
  );
  app.get(
    '/me/api-keys',
    { schema: { tags: ['account'], summary: 'My API keys (never the secret)', response: { 200: z.object({ items: z.array(ApiKey) }) } } },
    async (req) => ({ items: await listMyApiKeys(userCtx(req)) }),
  );
  app.post(
    '/me/api-keys',
    {
      schema: {
        tags: ['account'],
        summary: 'Create an API key; the response is the only time the key is shown',
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey, 400: ErrorBody },
      },
    },
    async (req, reply) => reply.status(201).send(await createMyApiKey(opts.auth, userCtx(req), req.body)),
  );
  app.delete(
    '/me/api-keys/:keyId',
    { schema: { tags: ['account'], summary: 'Revoke one of my API keys', params: ApiKeyParams, response: { 204: z.null(), 404: ErrorBody } } },
    async (req, reply) => {
      await revokeMyApiKey(userCtx(req), req.params.keyId);
      return reply.status(204).send(null);
    },
  );
};
