import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { signUpVerified } from '../../../test/users';
import { seedDemo } from '../../seed';
import { createChannel, createTeam, joinByInvite, send, type Team } from './test-support';

describe('conversations', () => {
  let t: TestApp;
  let team: Team;
  let base: string;
  const people = () => {
    const [bea, cal, gus] = team.members;
    return { olive: team.owner, bea: bea!, cal: cal!, gus: gus! };
  };

  beforeAll(async () => {
    t = await createTestApp();
    team = await createTeam(t, [
      { role: 'member', name: 'Bea' },
      { role: 'member', name: 'Cal' },
      { role: 'guest', name: 'Gus' },
    ]);
    base = team.base;
  });
  afterAll(async () => t.close());

  it('creates a channel whose creator is its owner, and refuses a taken name with 409', async () => {
    const { olive, bea } = people();
    const res = await olive.client.post(`${base}/conversations`, { kind: 'channel', name: 'general', topic: 'Hello', memberIds: [bea.userId] });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ kind: 'channel', name: 'general', topic: 'Hello', isPrivate: false, memberCount: 2, isMember: true });
    expect(res.body.readState).toEqual({ lastReadSeq: 0, unreadCount: 0, mentionCount: 0 });
    const members = await bea.client.get(`${base}/conversations/${res.body.id}/members`);
    expect(members.body.items.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
      [olive.userId, 'owner'],
      [bea.userId, 'member'],
    ]);
    const again = await bea.client.post(`${base}/conversations`, { kind: 'channel', name: 'general' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
  });

  it('refuses members from outside the workspace (400) and malformed bodies (400, never 500)', async () => {
    const { olive } = people();
    const stranger = await signUpVerified(t);
    const res = await olive.client.post(`${base}/conversations`, { kind: 'channel', name: 'outsiders', memberIds: [stranger.userId] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { userIds: [stranger.userId] } });
    for (const body of [{ kind: 'channel' }, { kind: 'channel', name: 'Has Spaces' }, { kind: 'direct' }, { kind: 'direct', name: 'x', memberIds: ['a'] }, { kind: 'support' }, ['nope']]) {
      const bad = await olive.client.post(`${base}/conversations`, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('finds a direct conversation again for the same people, in any order', async () => {
    const { olive, bea, cal } = people();
    const first = await olive.client.post(`${base}/conversations`, { kind: 'direct', memberIds: [bea.userId] });
    expect(first.status, first.text).toBe(201);
    expect(first.body.members.map((m: { name: string }) => m.name).sort()).toEqual(['Bea', 'Olive Owner']);
    const fromBea = await bea.client.post(`${base}/conversations`, { kind: 'direct', memberIds: [olive.userId, bea.userId] });
    expect(fromBea.status).toBe(200);
    expect(fromBea.body.id).toBe(first.body.id);
    const group = await cal.client.post(`${base}/conversations`, { kind: 'direct', memberIds: [bea.userId, olive.userId] });
    expect(group.status).toBe(201);
    expect(group.body.id).not.toBe(first.body.id);
    const concurrent = await Promise.all([1, 2, 3].map(() => bea.client.post(`${base}/conversations`, { kind: 'direct', memberIds: [cal.userId] })));
    expect(new Set(concurrent.map((r) => r.body.id)).size).toBe(1);
    expect(concurrent.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    // Direct conversations are for their members only.
    expect((await cal.client.get(`${base}/conversations/${first.body.id}`)).status).toBe(404);
    expect((await olive.client.post(`${base}/conversations/${first.body.id}/leave`)).status).toBe(403);
  });

  it('keeps a private channel invisible to non-members: 404 on read, send and messages, absent from lists', async () => {
    const { olive, bea, cal } = people();
    const secret = await createChannel(bea, base, { name: 'secret', isPrivate: true });
    const url = `${base}/conversations/${secret.id}`;
    for (const res of [
      await olive.client.get(url),
      await olive.client.get(`${url}/messages`),
      await olive.client.post(`${url}/messages`, { clientId: 'x', body: 'let me in' }),
      await olive.client.post(`${url}/join`),
      await olive.client.patch(url, { topic: 'mine' }),
      await olive.client.post(`${url}/archive`),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    const lists = [await olive.client.get(`${base}/conversations`), await olive.client.get(`${base}/conversations?filter=browse`)];
    for (const list of lists) expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(secret.id);
    // Members may bring people in; then they see it.
    expect((await bea.client.post(`${url}/members`, { userIds: [cal.userId] })).status).toBe(200);
    expect((await cal.client.get(url)).body).toMatchObject({ isMember: true, isPrivate: true });
    expect((await cal.client.get(`${base}/conversations`)).body.items.map((c: { id: string }) => c.id)).toContain(secret.id);
  });

  it('lets people browse, join and leave public channels; owners and admins remove members', async () => {
    const { olive, bea, cal } = people();
    const lobby = await createChannel(olive, base, { name: 'lobby' });
    const url = `${base}/conversations/${lobby.id}`;
    const browse = await bea.client.get(`${base}/conversations?filter=browse`);
    expect(browse.body.items.find((c: { id: string }) => c.id === lobby.id)).toMatchObject({ isMember: false, readState: null });
    expect((await bea.client.get(url)).body.isMember).toBe(false);
    expect((await bea.client.post(`${url}/messages`, { clientId: 'early', body: 'hi' })).status).toBe(403);
    expect((await bea.client.post(`${url}/join`)).body).toMatchObject({ isMember: true, memberCount: 2 });
    await send(bea, base, lobby.id, 'now I can talk');
    expect((await cal.client.post(`${url}/join`)).status).toBe(200);
    expect((await bea.client.delete(`${url}/members/${cal.userId}`)).status).toBe(403);
    expect((await olive.client.delete(`${url}/members/${cal.userId}`)).status).toBe(204);
    expect((await olive.client.delete(`${url}/members/${cal.userId}`)).status).toBe(404);
    expect((await bea.client.post(`${url}/leave`)).status).toBe(204);
    expect((await bea.client.post(`${url}/messages`, { clientId: 'late', body: 'hi' })).status).toBe(403);
    const joined = await bea.client.get(`${base}/conversations`);
    expect(joined.body.items.map((c: { id: string }) => c.id)).not.toContain(lobby.id);
  });

  it('lets members set the topic, and only the channel owner or an admin rename', async () => {
    const { olive, bea } = people();
    const room = await createChannel(olive, base, { name: 'room', memberIds: [bea.userId] });
    const url = `${base}/conversations/${room.id}`;
    expect((await bea.client.patch(url, { topic: 'Plans' })).body.topic).toBe('Plans');
    expect((await bea.client.patch(url, { name: 'bea-room' })).status).toBe(403);
    expect((await olive.client.patch(url, { name: 'big-room' })).body.name).toBe('big-room');
    expect((await olive.client.patch(url, { name: 'general' })).status).toBe(409);
    expect((await olive.client.patch(url, {})).status).toBe(400);
  });

  it('makes an archived channel read-only (sends and edits 409) and hides it from lists unless asked', async () => {
    const { olive, bea } = people();
    const old = await createChannel(bea, base, { name: 'old-project', memberIds: [olive.userId] });
    const url = `${base}/conversations/${old.id}`;
    const message = await send(bea, base, old.id, 'last words');
    const archived = await olive.client.post(`${url}/archive`);
    expect(archived.status, archived.text).toBe(200);
    expect(archived.body.archivedAt).not.toBeNull();
    const refused = await bea.client.post(`${url}/messages`, { clientId: 'after', body: 'anyone?' });
    expect(refused.status).toBe(409);
    expect((await bea.client.patch(`${base}/messages/${message.id}`, { body: 'edited' })).status).toBe(409);
    expect((await bea.client.patch(url, { topic: 'no' })).status).toBe(409);
    expect((await bea.client.get(`${url}/messages`)).body.items).toHaveLength(1);
    const ids = async (query: string) => (await bea.client.get(`${base}/conversations${query}`)).body.items.map((c: { id: string }) => c.id);
    expect(await ids('')).not.toContain(old.id);
    expect(await ids('?includeArchived=false')).not.toContain(old.id);
    expect(await ids('?includeArchived=true')).toContain(old.id);
    expect((await bea.client.post(`${url}/unarchive`)).body.archivedAt).toBeNull();
    await send(bea, base, old.id, 'back again');
  });

  it('keeps guests to the conversations they are in: no public channels, no browsing', async () => {
    const { olive, gus } = people();
    expect((await gus.client.post(`${base}/conversations`, { kind: 'channel', name: 'guest-room' })).status).toBe(403);
    expect((await gus.client.get(`${base}/conversations?filter=browse`)).status).toBe(403);
    const open = await createChannel(olive, base, { name: 'open-to-all' });
    expect((await gus.client.get(`${base}/conversations/${open.id}`)).status).toBe(404);
    expect((await gus.client.post(`${base}/conversations/${open.id}/join`)).status).toBe(404);
    const priv = await gus.client.post(`${base}/conversations`, { kind: 'channel', name: 'guest-private', isPrivate: true });
    expect(priv.status).toBe(201);
    const dm = await gus.client.post(`${base}/conversations`, { kind: 'direct', memberIds: [olive.userId] });
    expect(dm.status).toBe(201);
    expect((await olive.client.post(`${base}/conversations/${open.id}/members`, { userIds: [gus.userId] })).status).toBe(200);
    await send(gus, base, open.id, 'thanks for having me');
    const mine = (await gus.client.get(`${base}/conversations`)).body.items.map((c: { id: string }) => c.id).sort();
    expect(mine).toEqual([open.id, priv.body.id, dm.body.id].sort());
  });

  it('takes someone removed from the workspace out of its conversations', async () => {
    const { olive } = people();
    const leaver = await joinByInvite(t, olive, team.workspaceId, 'member', 'Lee');
    const room = await createChannel(olive, base, { name: 'temporary', memberIds: [leaver.userId], isPrivate: true });
    expect((await olive.client.delete(`${base}/members/${leaver.userId}`)).status).toBe(204);
    await expect.poll(async () => (await olive.client.get(`${base}/conversations/${room.id}`)).body.memberCount).toBe(1);
  });


  it('seeds the demo workspace with #general (a thread and a reaction) and #random', async () => {
    const login = await seedDemo(t.app);
    const demo = t.client();
    expect((await demo.post('/api/auth/sign-in/email', login)).status).toBe(200);
    const workspace = (await demo.get('/api/v1/workspaces')).body.items[0];
    const demoBase = `/api/v1/workspaces/${workspace.id}`;
    const channels = (await demo.get(`${demoBase}/conversations`)).body.items;
    expect(channels.map((c: { name: string }) => c.name).sort()).toEqual(['general', 'random']);
    const general = channels.find((c: { name: string }) => c.name === 'general');
    const timeline = (await demo.get(`${demoBase}/conversations/${general.id}/messages`)).body.items;
    expect(timeline).toHaveLength(2);
    expect(timeline[1]).toMatchObject({ thread: { replyCount: 3 }, reactions: [{ emoji: '🎉', count: 2 }] });
    expect(general.readState.mentionCount).toBe(1);
  });
});
