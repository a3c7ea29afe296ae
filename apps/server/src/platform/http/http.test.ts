import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { signUpVerified } from '../../../test/users';

describe('HTTP platform', () => {
  let t: TestApp;
  let user: Awaited<ReturnType<typeof signUpVerified>>;
  beforeAll(async () => {
    t = await createTestApp();
    user = await signUpVerified(t);
  });
  afterAll(async () => t.close());

  it('answers unknown routes, missing sessions and bad input in the one error shape', async () => {
    const anon = t.client();
    expect((await anon.get('/api/v1/nope')).body).toEqual({ error: { code: 'NOT_FOUND', message: 'No route for GET /api/v1/nope' } });
    expect((await anon.get('/api/v1/workspaces')).body).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Sign in first' } });

    const bad = await user.client.post('/api/v1/workspaces', { name: 42, extra: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
    expect(bad.body.error.details).toEqual([expect.objectContaining({ in: 'body', path: 'name' })]);

    const notJson = await user.client.request('POST', '/api/v1/workspaces', '{"name":', { 'content-type': 'application/json' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('VALIDATION_FAILED');

    const huge = await user.client.post('/api/v1/workspaces', { name: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');

    const badQuery = await user.client.get('/api/v1/me/security-log?limit=abc');
    expect(badQuery.body.error.details[0]).toMatchObject({ in: 'querystring', path: 'limit' });
  });

  it('sends security headers and a request id', async () => {
    const res = await t.client().get('/healthz', { 'x-request-id': 'trace-123' });
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    const generated = await t.client().get('/healthz');
    expect(String(generated.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    expect((await t.client().get('/healthz')).body).toEqual({ status: 'ok' });
    const ready = await t.client().get('/readyz');
    expect(ready.body).toEqual({ status: 'ready', checks: { database: 'ok', redis: t.config.redisUrl ? 'ok' : 'absent' } });
    const metrics = await t.client().get('/metrics');
    expect(metrics.text).toContain('http_request_duration_seconds_bucket');
    expect(metrics.text).toMatch(/route="\/healthz"/);
  });

  it('documents every route in OpenAPI 3', async () => {
    const doc = (await t.client().get('/api/docs/json')).body;
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set(Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
    for (const route of ['POST /api/v1/workspaces', 'GET /api/v1/workspaces/{workspaceId}', 'GET /api/v1/workspaces/{workspaceId}/members', 'POST /api/v1/workspaces/{workspaceId}/invites', 'GET /api/v1/workspaces/{workspaceId}/audit-log', 'POST /api/auth/{*}']) {
      expect(documented, route).toContain(route);
    }
    const listed = t.app.printRoutes({ commonPrefix: false });
    expect(listed).toContain('/api/v1/workspaces');
    const ui = await t.client().get('/api/docs/');
    expect(ui.status).toBe(200);
  });

  describe('CSRF', () => {
    it('accepts a cookie-authenticated change from our own origin and refuses another origin', async () => {
      const { client } = user;
      expect((await client.post('/api/v1/workspaces', { name: 'Same origin' }, { origin: 'http://localhost:3000' })).status).toBe(201);
      const cross = await client.post('/api/v1/workspaces', { name: 'Evil' }, { origin: 'https://evil.example' });
      expect(cross.status).toBe(403);
      expect(cross.body.error.code).toBe('CSRF_FAILED');
    });

    it('without Origin, requires x-csrf-token to match the CSRF cookie', async () => {
      const noOrigin = t.client({ origin: null });
      noOrigin.cookies.clear();
      for (const [k, v] of user.client.cookies) noOrigin.cookies.set(k, v);
      expect((await noOrigin.post('/api/v1/workspaces', { name: 'No token' })).status).toBe(403);
      expect((await noOrigin.post('/api/v1/workspaces', { name: 'Wrong token' }, { 'x-csrf-token': 'nope' })).status).toBe(403);
      const session = await noOrigin.get('/api/v1/session');
      const token = session.body.csrfToken;
      expect(token).toBe(noOrigin.cookies.get('aio_csrf'));
      expect((await noOrigin.post('/api/v1/workspaces', { name: 'With token' }, { 'x-csrf-token': token })).status).toBe(201);
    });

    it('leaves safe methods and requests without a session alone', async () => {
      expect((await t.client({ origin: 'https://evil.example' }).post('/api/auth/sign-in/email', { email: 'nobody@example.com', password: 'whatever1' })).status).toBe(401);
    });
  });
});
