import type { Presence } from '@aio/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { createPeerApp, type PeerApp } from '../../../test/peer';
import { createTeam, type Person, type Team } from '../conversations/test-support';
import { gatewayUrl, TestSocket } from '../../../test/ws';

// Short enough to watch, long enough that a reconnect on a busy CI machine fits in the grace period.
const timings = { awayAfterMs: 1_000, offlineGraceMs: 1_000, presenceSweepMs: 40, presenceBatchMs: 150 };

describe('presence', () => {
  let t: TestApp;
  let url: string;
  let team: Team;
  let origin: string;
  const sockets: TestSocket[] = [];
  const connect = async (who: Person, gateway = url) => {
    const socket = TestSocket.open(gateway, { client: who.client, origin });
    sockets.push(socket);
    await socket.hello(team.workspaceId);
    return socket;
  };
  const entryOf = (frame: { users: Presence[] }, userId: string, presence?: Presence['presence']) =>
    frame.users.find((p) => p.userId === userId && (presence === undefined || p.presence === presence));
  /** The user's entry in the first presence frame (after `from`) that shows them in that state. */
  const presenceOf = async (socket: TestSocket, userId: string, presence: Presence['presence'], from = 0) =>
    entryOf(await socket.waitFor('presence', (f) => entryOf(f, userId, presence) !== undefined, { from }), userId)!;
  const announced = (socket: TestSocket, userId: string, presence: Presence['presence'], from: number) =>
    socket.of('presence', from).filter((f) => entryOf(f, userId, presence));

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_MIN: '1000' }, { realtime: timings });
    url = await gatewayUrl(t.app);
    origin = new URL(t.config.publicUrl).origin;
    // One member per test: each starts from offline, whatever the test before left behind.
    team = await createTeam(t, ['Ann', 'Ben', 'Cid', 'Dot', 'Eve', 'Fay', 'Gus'].map((name) => ({ role: 'member', name })));
  });
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
  });
  afterAll(async () => t.close());

  it('goes online → away (idle heartbeat, or none for a while) → online → offline after the grace period', async () => {
    const member = team.members[0]!;
    const observer = await connect(team.owner);
    const socket = await connect(member);
    await presenceOf(observer, member.userId, 'online');
    const listed = await team.owner.client.get(`/api/v1/workspaces/${team.workspaceId}/presence`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual(
      expect.arrayContaining([
        { userId: member.userId, presence: 'online', statusText: '', statusEmoji: '', statusExpiresAt: null },
        expect.objectContaining({ userId: team.owner.userId, presence: 'online' }),
      ]),
    );

    let from = observer.mark();
    socket.send({ type: 'heartbeat', state: 'idle' });
    await presenceOf(observer, member.userId, 'away', from);
    from = observer.mark();
    const lastHeartbeat = Date.now();
    socket.send({ type: 'heartbeat', state: 'active' });
    await presenceOf(observer, member.userId, 'online', from);

    // Silence: no heartbeat for awayAfterMs after the last one reads as away.
    await presenceOf(observer, member.userId, 'away', observer.mark());
    expect(Date.now() - lastHeartbeat).toBeGreaterThanOrEqual(timings.awayAfterMs);

    from = observer.mark();
    socket.send({ type: 'heartbeat', state: 'active' });
    await presenceOf(observer, member.userId, 'online', from);
    from = observer.mark();
    const closedAt = Date.now();
    await socket.close();
    await presenceOf(observer, member.userId, 'offline', from);
    expect(Date.now() - closedAt).toBeGreaterThanOrEqual(timings.offlineGraceMs);
  });

  it('does not flap when a client reconnects within the grace period', async () => {
    const member = team.members[1]!;
    const observer = await connect(team.owner);
    const first = await connect(member);
    await presenceOf(observer, member.userId, 'online');
    const from = observer.mark();
    await first.close();
    await connect(member);
    await new Promise((r) => setTimeout(r, timings.offlineGraceMs + 200));
    // (Away may come: nobody sent a heartbeat. Offline must not.)
    expect(announced(observer, member.userId, 'offline', from)).toEqual([]);
  });

  it('announces people who come online together in one frame, not one frame each', async () => {
    const arriving = team.members.slice(4, 7);
    const observer = await connect(team.owner);
    const from = observer.mark();
    await Promise.all(arriving.map((m) => connect(m)));
    for (const m of arriving) await presenceOf(observer, m.userId, 'online', from);
    const frames = observer.of('presence', from).filter((f) => arriving.some((m) => entryOf(f, m.userId)));
    expect(frames.length).toBeLessThan(arriving.length);
    expect(Math.max(...frames.map((f) => f.users.length))).toBeGreaterThan(1);
  });

  it('shows custom statuses with presence, and an expired one as none', async () => {
    const member = team.members[2]!;
    const observer = await connect(team.owner);
    const expiresAt = new Date(Date.now() + 3_000).toISOString();
    expect((await team.owner.client.request('PUT', `${team.base}/status`, { text: 'On call', emoji: ':phone:' })).status).toBe(200);
    expect((await member.client.request('PUT', `${team.base}/status`, { text: 'Lunch', emoji: ':fork:', expiresAt })).status).toBe(200);
    const from = observer.mark();
    await connect(member);
    expect(await presenceOf(observer, member.userId, 'online', from)).toMatchObject({ statusText: 'Lunch', statusEmoji: ':fork:', statusExpiresAt: expiresAt });
    const listed = async () => (await team.owner.client.get(`${team.base}/presence`)).body.items as Presence[];
    expect(await listed()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: team.owner.userId, statusText: 'On call', statusEmoji: ':phone:', statusExpiresAt: null }),
        expect.objectContaining({ userId: member.userId, statusText: 'Lunch', statusEmoji: ':fork:', statusExpiresAt: expiresAt }),
      ]),
    );
    await new Promise((r) => setTimeout(r, Date.parse(expiresAt) - Date.now() + 100));
    expect((await listed()).find((p) => p.userId === member.userId)).toMatchObject({ statusText: '', statusEmoji: '', statusExpiresAt: null });
  });

  it('answers 404 to someone outside the workspace', async () => {
    const other = await createTeam(t, [], 'Elsa Elsewhere');
    const res = await other.owner.client.get(`/api/v1/workspaces/${team.workspaceId}/presence`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  describe.runIf(process.env.DATABASE_URL && process.env.REDIS_URL)('across two nodes sharing Redis', () => {
    let peer: PeerApp;
    beforeAll(async () => {
      peer = await createPeerApp(t, { realtime: timings });
    });
    afterAll(async () => peer.close());

    it('shows a user online on one node to a client of the other, and offline once they leave', async () => {
      const member = team.members[3]!;
      const observer = await connect(team.owner, await gatewayUrl(peer.app));
      const from = observer.mark();
      const socket = await connect(member);
      await presenceOf(observer, member.userId, 'online', from);
      const listed = await peer.clientLike(team.owner.client).get(`/api/v1/workspaces/${team.workspaceId}/presence`);
      expect(listed.body.items).toContainEqual(expect.objectContaining({ userId: member.userId, presence: 'online' }));
      await socket.close();
      await presenceOf(observer, member.userId, 'offline', from);
      const after = await peer.clientLike(team.owner.client).get(`/api/v1/workspaces/${team.workspaceId}/presence`);
      expect(after.body.items).toContainEqual(expect.objectContaining({ userId: member.userId, presence: 'offline' }));
    });

    it('keeps a user online while a connection on either node remains', async () => {
      const member = team.members[0]!;
      const observer = await connect(team.owner);
      const onPeer = await connect(member, await gatewayUrl(peer.app));
      await connect(member);
      await presenceOf(observer, member.userId, 'online');
      const from = observer.mark();
      await onPeer.close();
      await new Promise((r) => setTimeout(r, timings.offlineGraceMs + 200));
      expect(announced(observer, member.userId, 'offline', from)).toEqual([]);
    });
  });
});
