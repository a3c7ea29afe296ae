import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { waitForMail } from '../../../test/outbox';
import { signUpVerified, uniqueEmail } from '../../../test/users';

describe('workspaces and members', () => {
  let t: TestApp;
  beforeEach(async () => (t = await createTestApp()));
  afterEach(async () => t.close());

  async function ownerWithWorkspace(name = 'Acme') {
    const owner = await signUpVerified(t, { name: 'Olive Owner' });
    const res = await owner.client.post('/api/v1/workspaces', { name });
    expect(res.status, res.text).toBe(201);
    return { owner, ws: res.body as { id: string; name: string; role: string } };
  }

  async function inviteAndJoin(owner: Awaited<ReturnType<typeof signUpVerified>>, wsId: string, role = 'member') {
    const email = uniqueEmail('invitee');
    const invite = await owner.client.post(`/api/v1/workspaces/${wsId}/invites`, { email, role });
    expect(invite.status, invite.text).toBe(201);
    const mail = await waitForMail(t.dataDir, email, { subject: /invited you/ });
    const token = new URL(mail.links[0]!).pathname.split('/').pop()!;
    const joiner = await signUpVerified(t, { email, name: 'Ivan Invitee' });
    const accepted = await joiner.client.post(`/api/v1/invites/${token}/accept`);
    expect(accepted.status, accepted.text).toBe(200);
    return { joiner, token, invite: invite.body };
  }

  it('creates a workspace whose creator is the owner, lists and reads it', async () => {
    const { owner, ws } = await ownerWithWorkspace('Acme Support');
    expect(ws).toMatchObject({ name: 'Acme Support', role: 'owner', memberCount: 1, settings: { timezone: 'UTC', inviteExpiryDays: 7 } });
    expect((await owner.client.get('/api/v1/workspaces')).body.items.map((w: { id: string }) => w.id)).toEqual([ws.id]);
    expect((await owner.client.get(`/api/v1/workspaces/${ws.id}`)).body.id).toBe(ws.id);
    const renamed = await owner.client.patch(`/api/v1/workspaces/${ws.id}`, { name: 'Acme Care', settings: { timezone: 'Europe/Berlin' } });
    expect(renamed.body).toMatchObject({ name: 'Acme Care', settings: { timezone: 'Europe/Berlin', inviteExpiryDays: 7 } });
  });

  it('runs invite → accept → role change → removal, and records each in the audit log', async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const { joiner, invite } = await inviteAndJoin(owner, ws.id);
    expect(invite.inviteUrl).toMatch(/^http:\/\/localhost:3000\/invite\//);

    const preview = await t.client().get(`/api/v1/invites/${new URL(invite.inviteUrl).pathname.split('/').pop()}`);
    expect(preview.body).toMatchObject({ status: 'accepted', role: 'member' });

    const members = await joiner.client.get(`/api/v1/workspaces/${ws.id}/members`);
    expect(members.body.items.map((m: { role: string }) => m.role).sort()).toEqual(['member', 'owner']);

    const promote = await owner.client.patch(`/api/v1/workspaces/${ws.id}/members/${joiner.userId}`, { role: 'admin' });
    expect(promote.body).toMatchObject({ userId: joiner.userId, role: 'admin' });
    // An admin cannot touch the owner.
    expect((await joiner.client.patch(`/api/v1/workspaces/${ws.id}/members/${owner.userId}`, { role: 'guest' })).status).toBe(403);
    expect((await owner.client.patch(`/api/v1/workspaces/${ws.id}/members/${joiner.userId}`, { role: 'owner' })).status).toBe(400);

    expect((await owner.client.delete(`/api/v1/workspaces/${ws.id}/members/${joiner.userId}`)).status).toBe(204);
    expect((await joiner.client.get(`/api/v1/workspaces/${ws.id}`)).status).toBe(404);

    const log = await owner.client.get(`/api/v1/workspaces/${ws.id}/audit-log`);
    const actions = log.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['member.removed', 'member.role_changed', 'member.joined', 'invite.created', 'workspace.created']);
    const roleChange = log.body.items[1];
    expect(roleChange).toMatchObject({ before: { role: 'member' }, after: { role: 'admin' }, actor: { id: owner.userId }, ip: '127.0.0.1' });
  });

  it('pages through the audit log with a cursor', async () => {
    const { owner, ws } = await ownerWithWorkspace();
    for (let i = 0; i < 5; i++) await owner.client.patch(`/api/v1/workspaces/${ws.id}`, { name: `Name ${i}` });
    const first = await owner.client.get(`/api/v1/workspaces/${ws.id}/audit-log?limit=4`);
    expect(first.body.items).toHaveLength(4);
    const second = await owner.client.get(`/api/v1/workspaces/${ws.id}/audit-log?limit=4&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((e: { action: string }) => e.action)).toEqual(['workspace.updated', 'workspace.created']);
    expect(second.body.nextCursor).toBeNull();
    const filtered = await owner.client.get(`/api/v1/workspaces/${ws.id}/audit-log?action=workspace.created`);
    expect(filtered.body.items).toHaveLength(1);
  });

  it('lets only owners and admins manage; members and guests get 403', async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const { joiner } = await inviteAndJoin(owner, ws.id, 'guest');
    const base = `/api/v1/workspaces/${ws.id}`;
    expect((await joiner.client.post(`${base}/invites`, { email: uniqueEmail() })).status).toBe(403);
    expect((await joiner.client.get(`${base}/invites`)).status).toBe(403);
    expect((await joiner.client.get(`${base}/audit-log`)).status).toBe(403);
    expect((await joiner.client.patch(base, { name: 'Mine now' })).status).toBe(403);
    expect((await joiner.client.delete(base)).status).toBe(403);
    expect((await joiner.client.post(`${base}/transfer-ownership`, { userId: joiner.userId })).status).toBe(403);
    expect((await joiner.client.get(`${base}/members`)).status).toBe(200);
  });

  it('refuses an invite sent to someone else, a revoked one and an expired one', async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const email = uniqueEmail('target');
    await owner.client.post(`/api/v1/workspaces/${ws.id}/invites`, { email });
    const token = new URL((await waitForMail(t.dataDir, email)).links[0]!).pathname.split('/').pop()!;
    const stranger = await signUpVerified(t);
    const wrongUser = await stranger.client.post(`/api/v1/invites/${token}/accept`);
    expect(wrongUser.status).toBe(403);
    expect(wrongUser.body.error.message).toContain(email);

    const list = await owner.client.get(`/api/v1/workspaces/${ws.id}/invites`);
    expect((await owner.client.delete(`/api/v1/workspaces/${ws.id}/invites/${list.body.items[0].id}`)).status).toBe(204);
    const target = await signUpVerified(t, { email });
    const revoked = await target.client.post(`/api/v1/invites/${token}/accept`);
    expect(revoked.status).toBe(410);

    const again = await owner.client.post(`/api/v1/workspaces/${ws.id}/invites`, { email, expiresInDays: 1 });
    const token2 = new URL(again.body.inviteUrl).pathname.split('/').pop()!;
    await t.app.deps.db.execute(sql`update workspace_invites set expires_at = now() - interval '1 minute' where id = ${again.body.id}`);
    expect((await target.client.post(`/api/v1/invites/${token2}/accept`)).status).toBe(410);
    expect((await t.client().get('/api/v1/invites/not-a-real-token-at-all')).status).toBe(404);
  });

  it('transfers ownership, after which the old owner may leave', async () => {
    const { owner, ws } = await ownerWithWorkspace();
    const { joiner } = await inviteAndJoin(owner, ws.id);
    expect((await owner.client.post(`/api/v1/workspaces/${ws.id}/leave`)).status).toBe(403);
    expect((await owner.client.post(`/api/v1/workspaces/${ws.id}/transfer-ownership`, { userId: joiner.userId })).status).toBe(204);
    expect((await joiner.client.get(`/api/v1/workspaces/${ws.id}`)).body.role).toBe('owner');
    expect((await owner.client.post(`/api/v1/workspaces/${ws.id}/leave`)).status).toBe(204);
    expect((await owner.client.get('/api/v1/workspaces')).body.items).toEqual([]);
  });

  it('deletes a workspace (owner only) and keeps the record in the owner’s personal log', async () => {
    const { owner, ws } = await ownerWithWorkspace();
    expect((await owner.client.delete(`/api/v1/workspaces/${ws.id}`)).status).toBe(204);
    expect((await owner.client.get(`/api/v1/workspaces/${ws.id}`)).status).toBe(404);
    const log = await owner.client.get('/api/v1/me/security-log');
    expect(log.body.items[0]).toMatchObject({ action: 'workspace.deleted', targetId: ws.id });
  });
});
