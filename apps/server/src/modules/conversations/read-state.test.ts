import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { workspaceEvents } from '../../platform/events/log-schema';
import { chatRuntime } from './service/runtime';
import { createChannel, createTeam, send, type Team } from './test-support';

describe('read state, mentions and status', () => {
  let t: TestApp;
  let team: Team;
  let base: string;
  const people = () => ({ olive: team.owner, bea: team.members[0]!, cal: team.members[1]! });

  beforeAll(async () => {
    t = await createTestApp();
    team = await createTeam(t, [
      { role: 'member', name: 'Bea' },
      { role: 'member', name: 'Cal' },
    ]);
    base = team.base;
  });
  afterAll(async () => t.close());

  const stateOf = async (who: { client: Team['owner']['client'] }, conversationId: string) =>
    (await who.client.get(`${base}/conversations/${conversationId}`)).body.readState;

  it('counts unread main-timeline messages of others, and mentions of me, @channel and @here', async () => {
    const { olive, bea, cal } = people();
    const room = await createChannel(olive, base, { name: 'counts', memberIds: [bea.userId, cal.userId] });
    await send(olive, base, room.id, 'my own message does not count, even @channel');
    const root = await send(bea, base, room.id, 'hello @[Olive Owner]');
    await send(bea, base, room.id, 'heads up @channel');
    await send(cal, base, room.id, 'anyone @here? and @[Olive Owner] again');
    await send(cal, base, room.id, 'a reply mentioning @[Olive Owner]', { threadRootId: root.id });
    await send(cal, base, room.id, 'a reply for @bea only', { threadRootId: root.id, alsoSendToChannel: true });
    const deleted = await send(cal, base, room.id, 'deleted @channel');
    expect((await cal.client.delete(`${base}/messages/${deleted.id}`)).status).toBe(204);

    expect(await stateOf(olive, room.id)).toEqual({ lastReadSeq: 0, unreadCount: 4, mentionCount: 4 });
    expect(await stateOf(bea, room.id)).toMatchObject({ unreadCount: 3, mentionCount: 3 });

    const read = await olive.client.post(`${base}/conversations/${room.id}/read`, {});
    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({ unreadCount: 0, mentionCount: 0 });
    const unread = await olive.client.post(`${base}/conversations/${room.id}/unread`, { seq: root.seq });
    expect(unread.body).toEqual({ lastReadSeq: root.seq - 1, unreadCount: 4, mentionCount: 4 });
    const partly = await olive.client.post(`${base}/conversations/${room.id}/read`, { seq: root.seq });
    expect(partly.body).toMatchObject({ lastReadSeq: root.seq, unreadCount: 3, mentionCount: 3 });
    // Reading never moves the marker back; other devices may have read further.
    const back = await olive.client.post(`${base}/conversations/${room.id}/read`, { seq: 1 });
    expect(back.body.lastReadSeq).toBe(root.seq);
  });

  it('does not treat @channel and @here as mentions in direct conversations', async () => {
    const { olive, bea } = people();
    const dm = (await bea.client.post(`${base}/conversations`, { kind: 'direct', memberIds: [olive.userId] })).body;
    const message = await send(bea, base, dm.id, '@channel @here hi');
    expect(message).toMatchObject({ entities: { mentions: [] } });
    expect(await stateOf(olive, dm.id)).toMatchObject({ unreadCount: 1, mentionCount: 0 });
  });

  it('sums every live conversation into totals, and tells my other devices when I read', async () => {
    const { olive, bea } = people();
    const a = await createChannel(bea, base, { name: 'totals-a', memberIds: [olive.userId] });
    const b = await createChannel(bea, base, { name: 'totals-b', memberIds: [olive.userId] });
    await send(bea, base, a.id, 'one @[Olive Owner]');
    await send(bea, base, b.id, 'two');
    await send(bea, base, b.id, 'three');
    const totals = (await olive.client.get(`${base}/read-state`)).body;
    const forRooms = totals.conversations.filter((c: { conversationId: string }) => [a.id, b.id].includes(c.conversationId));
    expect(forRooms.map((c: { unreadCount: number; mentionCount: number }) => [c.unreadCount, c.mentionCount]).sort()).toEqual([
      [1, 1],
      [2, 0],
    ]);
    const sum = (key: 'unreadCount' | 'mentionCount') => totals.conversations.reduce((n: number, c: Record<string, number>) => n + c[key]!, 0);
    expect(totals).toMatchObject({ unreadCount: sum('unreadCount'), mentionCount: sum('mentionCount') });

    const read = await olive.client.post(`${base}/conversations/${b.id}/read`);
    expect(read.status, read.text).toBe(200);
    const [event] = await t.app.deps.db
      .select()
      .from(workspaceEvents)
      .where(and(eq(workspaceEvents.workspaceId, team.workspaceId), eq(workspaceEvents.name, 'read_state.updated'), eq(workspaceEvents.conversationId, b.id)));
    expect(event).toBeUndefined();
    const mine = await t.app.deps.db
      .select()
      .from(workspaceEvents)
      .where(and(eq(workspaceEvents.name, 'read_state.updated'), eq(workspaceEvents.userId, olive.userId)))
      .orderBy(workspaceEvents.seq);
    expect(mine.at(-1)!.payload).toMatchObject({ conversationId: b.id, unreadCount: 0, lastReadSeq: expect.any(Number) });
    expect((await olive.client.get(`${base}/read-state`)).body.unreadCount).toBe(totals.unreadCount - 2);
  });

  it('caps the unread count at 999', async () => {
    const { olive, bea } = people();
    const flood = await createChannel(bea, base, { name: 'flood', memberIds: [olive.userId] });
    const writer = chatRuntime(t.app.deps).writer;
    await Promise.all(
      Array.from({ length: 1005 }, (_, i) =>
        writer.send({
          workspaceId: team.workspaceId,
          conversationId: flood.id,
          authorId: bea.userId,
          author: { name: 'Bea', image: null },
          clientId: `flood-${i}`,
          body: `flood ${i}`,
          entities: { mentions: [], links: [] },
          threadRoot: null,
          alsoInChannel: false,
        }),
      ),
    );
    expect(await stateOf(olive, flood.id)).toMatchObject({ unreadCount: 999 });
  });

  it('refuses read markers from non-members and for invisible conversations', async () => {
    const { olive, bea, cal } = people();
    const open = await createChannel(olive, base, { name: 'not-joined' });
    const hidden = await createChannel(olive, base, { name: 'hidden-reads', isPrivate: true });
    expect((await bea.client.post(`${base}/conversations/${open.id}/read`, {})).status).toBe(403);
    expect((await cal.client.post(`${base}/conversations/${hidden.id}/read`, {})).status).toBe(404);
    expect((await olive.client.post(`${base}/conversations/${open.id}/unread`, { seq: 0 })).status).toBe(400);
  });

  it('sets and clears a custom status, announced to the whole workspace', async () => {
    const { bea } = people();
    const set = await bea.client.request('PUT', `${base}/status`, { text: 'In a meeting', emoji: '📅', expiresAt: '2099-01-01T00:00:00.000Z' });
    expect(set.status, set.text).toBe(200);
    expect(set.body).toEqual({ userId: bea.userId, text: 'In a meeting', emoji: '📅', expiresAt: '2099-01-01T00:00:00.000Z' });
    expect((await bea.client.request('PUT', `${base}/status`, { text: 'x', expiresAt: 'someday' })).status).toBe(400);
    expect((await bea.client.delete(`${base}/status`)).status).toBe(204);
    const events = await t.app.deps.db
      .select()
      .from(workspaceEvents)
      .where(and(eq(workspaceEvents.workspaceId, team.workspaceId), eq(workspaceEvents.name, 'status.changed')))
      .orderBy(workspaceEvents.seq);
    expect(events.map((e) => [e.conversationId, e.userId, (e.payload as { text: string }).text])).toEqual([
      [null, null, 'In a meeting'],
      [null, null, ''],
    ]);
  });
});
