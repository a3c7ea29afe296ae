import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { gatewayUrl, TestSocket } from '../../../test/ws';
import { createChannel, createTeam, type Person, type Team } from '../conversations/test-support';
import { expectSeamless, messageSeqs, sendMany } from './test-support';

/** The production limit is 5,000 events; a smaller one keeps the "too far behind" case quick to reach. */
const REPLAY_LIMIT = 1_000;

describe('realtime resume', () => {
  let t: TestApp;
  let url: string;
  let origin: string;
  let team: Team;
  let channel: { id: string };
  const sockets: TestSocket[] = [];
  const connect = (who: Person) => {
    const socket = TestSocket.open(url, { client: who.client, origin });
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_MIN: '1000' }, { realtime: { maxReplayEvents: REPLAY_LIMIT } });
    url = await gatewayUrl(t.app);
    origin = new URL(t.config.publicUrl).origin;
    team = await createTeam(t, [{ role: 'member', name: 'Bea' }]);
    channel = await createChannel(team.owner, team.base, { name: 'stream', memberIds: [team.members[0]!.userId] });
  });
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.ws.terminate();
  });
  afterAll(async () => t.close());

  it('tells a client that comes back with a seq the log never had to resync', async () => {
    const socket = connect(team.members[0]!);
    const ready = await socket.hello(team.workspaceId, 10_000_000);
    expect(await socket.waitFor('resync')).toEqual({ type: 'resync', seq: ready.seq, reason: 'unknown_seq' });
  });

  it('prunes events past the retention window (daily job), and a client that needed them resyncs', async () => {
    const { db, jobs } = t.app.deps;
    await sendMany(team.owner.client, team.base, channel.id, 20, 20, 'old');
    await db.execute(sql`update workspace_events set created_at = now() - interval '8 days' where workspace_id = ${team.workspaceId} and seq <= 10`);
    await jobs.enqueue('realtime.prune_events', { retentionDays: 7 });
    await vi.waitFor(
      async () => {
        const socket = connect(team.members[0]!);
        const ready = await socket.hello(team.workspaceId, 5);
        expect(await socket.waitFor('resync', undefined, { timeoutMs: 300 })).toEqual({ type: 'resync', seq: ready.seq, reason: 'events_pruned' });
      },
      { timeout: 10_000, interval: 200 },
    );
  });

  it('loses and repeats nothing over 1,000 messages when a client drops mid-stream and resumes with its lastSeq', async () => {
    const bea = team.members[0]!;
    const [first, watcher] = [connect(bea), connect(team.owner)];
    await Promise.all([first.hello(team.workspaceId), watcher.hello(team.workspaceId)]);
    const sending = sendMany(team.owner.client, team.base, channel.id, 1000, 20, 'stream');

    // Drop the connection (no close handshake) once part of the stream has arrived, while sending goes on.
    await first.until(() => messageSeqs(first).length >= 250, '250 messages', 30_000);
    first.ws.terminate();
    await first.closed;
    const lastSeq = first.events().at(-1)!.seq;

    // Come back once the stream has moved on, so there is something to replay.
    await watcher.waitFor('event', (e) => e.seq >= lastSeq + 100, { timeoutMs: 30_000 });
    const second = connect(bea);
    const ready = await second.hello(team.workspaceId, lastSeq);
    const sent = await sending;
    const lastSent = Math.max(...sent);
    await second.until(() => messageSeqs(second).includes(lastSent), 'the last message', 30_000);

    expectSeamless(first, second, lastSeq, sent);
    expect(ready.replayed).toBeGreaterThan(0);
    // Live events followed the replay on the same socket: the switch-over itself was exercised.
    expect(messageSeqs(second).length).toBeGreaterThan(ready.replayed);
    expect(ready.seq).toBeGreaterThanOrEqual(lastSeq);
  }, 90_000);

  it('tells a client further behind than the replay limit to resync instead of replaying', async () => {
    const current = (await connect(team.owner).hello(team.workspaceId)).seq;
    await sendMany(team.owner.client, team.base, channel.id, Math.max(0, REPLAY_LIMIT + 1 - current), 50, 'bulk');
    const socket = connect(team.members[0]!);
    const ready = await socket.hello(team.workspaceId, 0);
    expect(ready.replayed).toBe(0);
    expect(await socket.waitFor('resync')).toMatchObject({ seq: ready.seq, reason: 'too_far_behind' });
  });
});
