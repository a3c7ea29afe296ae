import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { createPeerApp } from '../../../test/peer';
import type { RecordedEvent } from '../../platform/events/log';
import { workspaceEvents } from '../../platform/events/log-schema';
import { messages } from './schema';
import { chatRuntime } from './service/runtime';
import { createChannel, createTeam, send, type Team } from './test-support';

describe('the send path', () => {
  let t: TestApp;
  let team: Team;
  let base: string;
  let channelId: string;
  const messagesUrl = () => `${base}/conversations/${channelId}/messages`;

  beforeAll(async () => {
    t = await createTestApp();
    team = await createTeam(t, [{ role: 'member', name: 'Bea' }]);
    base = team.base;
    channelId = (await createChannel(team.owner, base, { name: 'busy', memberIds: [team.members[0]!.userId] })).id;
  });
  afterAll(async () => t.close());

  const rowsWithClientId = (clientId: string) => t.app.deps.db.select().from(messages).where(eq(messages.clientId, clientId));

  it('stores one message for 20 concurrent sends of one clientId, answering all with it', async () => {
    const sends = Array.from({ length: 20 }, () => team.owner.client.post(messagesUrl(), { clientId: 'retry-me', body: 'only once' }));
    const responses = await Promise.all(sends);
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 200)).toHaveLength(19);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await rowsWithClientId('retry-me')).toHaveLength(1);
    const later = await team.owner.client.post(messagesUrl(), { clientId: 'retry-me', body: 'a different body is still the same send' });
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ id: responses[0]!.body.id, body: 'only once' });
  });

  it('scopes client ids to their author and conversation', async () => {
    const bea = team.members[0]!;
    const mine = await team.owner.client.post(messagesUrl(), { clientId: 'shared-id', body: 'mine' });
    const hers = await bea.client.post(messagesUrl(), { clientId: 'shared-id', body: 'hers' });
    expect([mine.status, hers.status]).toEqual([201, 201]);
    expect(hers.body.id).not.toBe(mine.body.id);
  });

  it('writes concurrent sends from many requests in few transactions, with distinct increasing seqs', async () => {
    const responses = await Promise.all(Array.from({ length: 120 }, (_, i) => team.owner.client.post(messagesUrl(), { clientId: `burst-${i}`, body: `burst ${i} @channel` })));
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const seqs = responses.map((r) => r.body.seq as number);
    expect(new Set(seqs).size).toBe(120);
    const conversation = await team.owner.client.get(`${base}/conversations/${channelId}`);
    expect(conversation.body.lastMessageSeq).toBe(Math.max(...seqs));
  });

  it('fails only the bad send of a batch', async () => {
    const writer = chatRuntime(t.app.deps).writer;
    const item = (conversationId: string, clientId: string) => ({
      workspaceId: team.workspaceId,
      conversationId,
      authorId: team.owner.userId,
      author: { name: 'Olive Owner', image: null },
      clientId,
      body: clientId,
      entities: { mentions: [], links: [] },
      threadRoot: null,
      alsoInChannel: false,
    });
    const results = await Promise.allSettled([
      writer.send(item(channelId, 'good-1')),
      writer.send(item('no-such-conversation', 'bad')),
      writer.send(item(channelId, 'good-2')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await rowsWithClientId('good-2')).toHaveLength(1);
  });

  it('records message.created in the durable log at the message’s seq, for the conversation’s members, then announces it', async () => {
    const recorded: RecordedEvent[] = [];
    const off = t.app.deps.bus.on('events.recorded', (e) => void recorded.push(...e.events));
    const message = await send(team.owner, base, channelId, 'durable');
    const [row] = await t.app.deps.db
      .select()
      .from(workspaceEvents)
      .where(and(eq(workspaceEvents.workspaceId, team.workspaceId), eq(workspaceEvents.seq, message.seq)));
    expect(row).toMatchObject({ name: 'message.created', conversationId: channelId, userId: null });
    expect((row!.payload as { message: { id: string } }).message.id).toBe(message.id);
    await expect.poll(() => recorded.find((e) => e.seq === message.seq)?.name).toBe('message.created');
    off();
  });

  it('announces public channels to the workspace and private ones to their members only', async () => {
    const open = await createChannel(team.owner, base, { name: 'announced' });
    const closed = await createChannel(team.owner, base, { name: 'closed', isPrivate: true });
    const created = await t.app.deps.db
      .select()
      .from(workspaceEvents)
      .where(and(eq(workspaceEvents.workspaceId, team.workspaceId), eq(workspaceEvents.name, 'conversation.created')))
      .orderBy(asc(workspaceEvents.seq));
    const byId = new Map(created.map((e) => [(e.payload as { conversation: { id: string } }).conversation.id, e]));
    expect(byId.get(open.id)).toMatchObject({ conversationId: null });
    expect(byId.get(closed.id)).toMatchObject({ conversationId: closed.id, payload: { conversation: { memberIds: [team.owner.userId] } } });
  });

  it.runIf(process.env.DATABASE_URL)('keeps one message when retries of a send reach two nodes at once', async () => {
    const peer = await createPeerApp(t);
    try {
      const there = peer.clientLike(team.owner.client);
      const sends = Array.from({ length: 20 }, (_, i) => (i % 2 ? there : team.owner.client).post(messagesUrl(), { clientId: 'two-nodes', body: 'once' }));
      const responses = await Promise.all(sends);
      expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
      expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
      expect(await rowsWithClientId('two-nodes')).toHaveLength(1);
    } finally {
      await peer.close();
    }
  });
});

describe('paging through a timeline', () => {
  let t: TestApp;
  let team: Team;
  let url: string;
  let all: Array<{ id: string; seq: number }>;

  beforeAll(async () => {
    t = await createTestApp();
    team = await createTeam(t, []);
    const channel = await createChannel(team.owner, team.base, { name: 'history' });
    url = `${team.base}/conversations/${channel.id}/messages`;
    for (let chunk = 0; chunk < 6; chunk++) {
      await Promise.all(Array.from({ length: 50 }, (_, i) => send(team.owner, team.base, channel.id, `message ${chunk * 50 + i}`)));
    }
    all = await t.app.deps.db.select({ id: messages.id, seq: messages.seq }).from(messages).where(eq(messages.conversationId, channel.id)).orderBy(asc(messages.seq));
  });
  afterAll(async () => t.close());

  const ids = (items: Array<{ id: string }>) => items.map((m) => m.id);

  it('walks back with `before` and forward with `after` without gaps or repeats', async () => {
    expect(all).toHaveLength(300);
    const backwards: string[] = [];
    let page = (await team.owner.client.get(`${url}?limit=70`)).body;
    expect(page.hasMoreAfter).toBe(false);
    for (;;) {
      backwards.unshift(...ids(page.items));
      if (!page.hasMoreBefore) break;
      page = (await team.owner.client.get(`${url}?limit=70&before=${page.items[0].seq}`)).body;
      expect(page.hasMoreAfter).toBe(true);
    }
    expect(backwards).toEqual(ids(all));

    const forwards: string[] = [];
    page = (await team.owner.client.get(`${url}?limit=64&after=0`)).body;
    expect(page.hasMoreBefore).toBe(false);
    for (;;) {
      forwards.push(...ids(page.items));
      if (!page.hasMoreAfter) break;
      page = (await team.owner.client.get(`${url}?limit=64&after=${page.items.at(-1).seq}`)).body;
      expect(page.hasMoreBefore).toBe(true);
    }
    expect(forwards).toEqual(ids(all));
  });

  it('centres a page on a message with `around`, and refuses mixed or bad cursors', async () => {
    const middle = all[150]!;
    const page = (await team.owner.client.get(`${url}?limit=11&around=${middle.seq}`)).body;
    expect(ids(page.items)).toEqual(ids(all.slice(145, 156)));
    expect(page).toMatchObject({ hasMoreBefore: true, hasMoreAfter: true });
    const start = (await team.owner.client.get(`${url}?limit=10&around=${all[2]!.seq}`)).body;
    expect(ids(start.items)).toEqual(ids(all.slice(0, 7)));
    expect(start.hasMoreBefore).toBe(false);
    for (const query of ['before=5&after=2', 'limit=0', 'limit=201', 'before=-1', 'after=abc']) {
      const bad = await team.owner.client.get(`${url}?${query}`);
      expect(bad.status, query).toBe(400);
    }
  });
});
