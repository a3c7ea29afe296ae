import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app';
import { signUpVerified, uniqueEmail } from './users';

/**
 * Workspace isolation, for every route under /workspaces/:workspaceId that the
 * OpenAPI document lists, present and future: a member of workspace A gets 404
 * for workspace B's ids whatever the method, and B's data stays as it was.
 */
describe('tenant isolation', () => {
  let t: TestApp;
  let a: Awaited<ReturnType<typeof signUpVerified>>;
  let b: Awaited<ReturnType<typeof signUpVerified>>;
  let wsB: { id: string; name: string };
  let inviteB: { id: string };
  let chatB: { conversationId: string; messageId: string };

  beforeAll(async () => {
    t = await createTestApp();
    a = await signUpVerified(t, { name: 'Alice of A' });
    b = await signUpVerified(t, { name: 'Bob of B' });
    expect((await a.client.post('/api/v1/workspaces', { name: 'Workspace A' })).status).toBe(201);
    wsB = (await b.client.post('/api/v1/workspaces', { name: 'Workspace B' })).body;
    inviteB = (await b.client.post(`/api/v1/workspaces/${wsB.id}/invites`, { email: uniqueEmail() })).body;
    const channelB = (await b.client.post(`/api/v1/workspaces/${wsB.id}/conversations`, { kind: 'channel', name: 'b-only' })).body;
    const messageB = (await b.client.post(`/api/v1/workspaces/${wsB.id}/conversations/${channelB.id}/messages`, { clientId: 'b-1', body: 'B only' })).body;
    chatB = { conversationId: channelB.id, messageId: messageB.id };
  });
  afterAll(async () => t.close());

  function scopedRoutes(doc: { paths: Record<string, Record<string, unknown>> }) {
    const routes: Array<{ method: string; path: string }> = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.includes('{workspaceId}')) continue;
      for (const method of Object.keys(ops)) routes.push({ method: method.toUpperCase(), path });
    }
    return routes;
  }

  function fill(path: string): string {
    const ids: Record<string, string> = { workspaceId: wsB.id, userId: b.userId, inviteId: inviteB.id, ...chatB };
    return path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? '00000000-0000-4000-8000-000000000000');
  }

  it('answers 404 to a member of another workspace on every workspace route, by cookie and by API key', async () => {
    const doc = (await t.client().get('/api/docs/json')).body;
    const routes = scopedRoutes(doc);
    expect(routes.length).toBeGreaterThanOrEqual(12);
    const key = (await a.client.post('/api/v1/me/api-keys', { name: 'probe' })).body.key as string;
    const script = t.client({ bearer: key, origin: null });
    for (const client of [a.client, script]) {
      for (const { method, path } of routes) {
        const body = method === 'GET' || method === 'DELETE' ? undefined : { name: 'hijacked', role: 'admin', email: 'x@example.com', userId: a.userId };
        const res = await client.request(method, fill(path), body);
        expect({ route: `${method} ${path}`, status: res.status, code: res.body?.error?.code }).toEqual({
          route: `${method} ${path}`,
          status: 404,
          code: 'NOT_FOUND',
        });
      }
    }
    const after = await b.client.get(`/api/v1/workspaces/${wsB.id}`);
    expect(after.body).toMatchObject({ name: 'Workspace B', memberCount: 1 });
    const invites = await b.client.get(`/api/v1/workspaces/${wsB.id}/invites`);
    expect(invites.body.items[0].status).toBe('pending');
    expect((await b.client.get(`/api/v1/workspaces/${wsB.id}/audit-log`)).body.items.every((e: { actor: { id: string } }) => e.actor.id === b.userId)).toBe(true);
    const messageB = await b.client.get(`/api/v1/workspaces/${wsB.id}/messages/${chatB.messageId}`);
    expect(messageB.body).toMatchObject({ body: 'B only', reactions: [], pinned: false, deletedAt: null });
  });

  it('does not tell a missing workspace from a foreign one', async () => {
    const foreign = await a.client.get(`/api/v1/workspaces/${wsB.id}`);
    const missing = await a.client.get('/api/v1/workspaces/11111111-1111-4111-8111-111111111111');
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
  });

  it('lists only the caller’s workspaces', async () => {
    const names = (await a.client.get('/api/v1/workspaces')).body.items.map((w: { name: string }) => w.name);
    expect(names).toEqual(['Workspace A']);
  });
});
