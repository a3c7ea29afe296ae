import { type Message, WS_CLOSE } from '@aio/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { appendEvents } from '../../platform/events/log';
import { gatewayUrl, TestSocket } from '../../../test/ws';
import { createChannel, createTeam, type Person, send, type Team } from '../conversations/test-support';

const bodiesOf = (socket: TestSocket) => socket.events('message.created').map((e) => (e.data as { message: Message }).message.body);

describe('realtime delivery: audience, isolation, typing, sends', () => {
  let t: TestApp;
  let url: string;
  let origin: string;
  let a: Team;
  let b: Team;
  let general: { id: string };
  let secret: { id: string };
  let direct: { id: string };
  const sockets: TestSocket[] = [];
  const people = () => {
    const [bea, cal] = a.members as [Person, Person];
    return { olive: a.owner, bea, cal, zed: b.owner };
  };
  const connect = async (who: Person, workspaceId: string) => {
    const socket = TestSocket.open(url, { client: who.client, origin });
    sockets.push(socket);
    await socket.hello(workspaceId);
    return socket;
  };

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_MIN: '1000' });
    url = await gatewayUrl(t.app);
    origin = new URL(t.config.publicUrl).origin;
    a = await createTeam(t, [
      { role: 'member', name: 'Bea' },
      { role: 'member', name: 'Cal' },
    ]);
    b = await createTeam(t, [], 'Zed of B');
    const { olive, bea, cal } = people();
    general = await createChannel(olive, a.base, { name: 'general', memberIds: [bea.userId] });
    secret = await createChannel(olive, a.base, { name: 'secret', isPrivate: true, memberIds: [cal.userId] });
    direct = (await olive.client.post(`${a.base}/conversations`, { kind: 'direct', memberIds: [bea.userId] })).body;
  });
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
  });
  afterAll(async () => t.close());

  it('delivers a message to the members of its conversation only, and nothing across workspaces', async () => {
    const { olive, bea, cal, zed } = people();
    const [beaSocket, calSocket, zedSocket] = [await connect(bea, a.workspaceId), await connect(cal, a.workspaceId), await connect(zed, b.workspaceId)];
    const bChannel = await createChannel(zed, b.base, { name: 'general' });
    await send(olive, a.base, general.id, 'to general');
    await send(olive, a.base, secret.id, 'to secret');
    await send(olive, a.base, direct.id, 'to the DM');
    await send(zed, b.base, bChannel.id, 'in B');
    const last = await send(olive, a.base, general.id, 'last');

    await beaSocket.waitFor('event', (e) => e.seq === last.seq);
    await zedSocket.waitFor('event', (e) => e.name === 'message.created');
    await calSocket.waitFor('event', (e) => e.name === 'message.created');
    await new Promise((r) => setTimeout(r, 100));
    expect(bodiesOf(beaSocket)).toEqual(['to general', 'to the DM', 'last']);
    expect(bodiesOf(calSocket)).toEqual(['to secret']);
    expect(bodiesOf(zedSocket)).toEqual(['in B']);
    // Seqs are per workspace and strictly increasing on every socket.
    const seqs = beaSocket.events().map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('routes a new channel to every member it starts with, and follows members added and removed', async () => {
    const { olive, bea, cal } = people();
    const [beaSocket, calSocket] = [await connect(bea, a.workspaceId), await connect(cal, a.workspaceId)];
    const launch = await createChannel(olive, a.base, { name: 'launch', memberIds: [bea.userId, cal.userId] });
    await send(olive, a.base, launch.id, 'launch day');
    await calSocket.waitFor('event', (e) => e.name === 'message.created');
    await beaSocket.waitFor('event', (e) => e.name === 'message.created');

    expect((await olive.client.post(`${a.base}/conversations/${general.id}/members`, { userIds: [cal.userId] })).status).toBe(200);
    await calSocket.waitFor('event', (e) => e.name === 'conversation.member_added');
    await send(olive, a.base, general.id, 'welcome cal');
    await calSocket.waitFor('event', (e) => (e.data as { message?: Message }).message?.body === 'welcome cal');

    expect((await olive.client.delete(`${a.base}/conversations/${general.id}/members/${cal.userId}`)).status).toBe(204);
    await calSocket.waitFor('event', (e) => e.name === 'conversation.member_removed');
    const after = await send(olive, a.base, general.id, 'cal is gone');
    await beaSocket.waitFor('event', (e) => e.seq === after.seq);
    await new Promise((r) => setTimeout(r, 100));
    expect(bodiesOf(calSocket)).toEqual(['launch day', 'welcome cal']);
  });

  it('sends over the socket: ack naming the stored message, duplicate on a repeated client id, error for a non-member', async () => {
    const { olive, bea } = people();
    const [beaSocket, oliveSocket] = [await connect(bea, a.workspaceId), await connect(olive, a.workspaceId)];
    beaSocket.send({ type: 'send', requestId: 'q1', conversationId: general.id, clientId: 'bea-1', body: 'over the socket' });
    const ack = await beaSocket.waitFor('ack');
    expect(ack).toMatchObject({ requestId: 'q1', duplicate: false });
    for (const socket of [beaSocket, oliveSocket]) {
      const created = await socket.waitFor('event', (e) => e.name === 'message.created' && (e.data as { message: Message }).message.clientId === 'bea-1');
      expect((created.data as { message: Message }).message).toMatchObject({ id: ack.messageId, seq: ack.seq, createdAt: ack.createdAt, body: 'over the socket', author: { id: bea.userId } });
    }

    beaSocket.send({ type: 'send', requestId: 'q2', conversationId: general.id, clientId: 'bea-1', body: 'over the socket' });
    const again = await beaSocket.waitFor('ack', (f) => f.requestId === 'q2');
    expect(again).toMatchObject({ duplicate: true, messageId: ack.messageId, seq: ack.seq });

    beaSocket.send({ type: 'send', requestId: 'q3', conversationId: secret.id, clientId: 'bea-2', body: 'let me in' });
    expect(await beaSocket.waitFor('error', (f) => f.requestId === 'q3')).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('passes typing to the other members only, at most once per conversation every 3 s', async () => {
    const { olive, bea, cal } = people();
    const [beaSocket, oliveSocket, calSocket] = [await connect(bea, a.workspaceId), await connect(olive, a.workspaceId), await connect(cal, a.workspaceId)];
    for (let i = 0; i < 5; i++) beaSocket.send({ type: 'typing', conversationId: general.id });
    beaSocket.send({ type: 'typing', conversationId: direct.id });
    beaSocket.send({ type: 'typing', conversationId: secret.id });
    expect(await beaSocket.waitFor('error')).toMatchObject({ error: { code: 'NOT_FOUND' } });
    await oliveSocket.until(() => oliveSocket.of('typing').length >= 2, 'two typing frames');
    await new Promise((r) => setTimeout(r, 150));
    expect(oliveSocket.of('typing')).toEqual([
      { type: 'typing', conversationId: general.id, threadRootId: null, userId: bea.userId },
      { type: 'typing', conversationId: direct.id, threadRootId: null, userId: bea.userId },
    ]);
    expect(beaSocket.of('typing')).toEqual([]);
    expect(calSocket.of('typing')).toEqual([]);
  });

  it('passes events on in seq order even when one never reached the bus, reading it back from the log', async () => {
    const { db, bus } = t.app.deps;
    const socket = await connect(people().bea, a.workspaceId);
    // Committed together; the first one's emit is lost (as in a crash between commit and emit), the second's arrives.
    const [lost, arrived] = await db.transaction((tx) =>
      appendEvents(tx, a.workspaceId, [
        { name: 'test.noted', payload: { note: 'lost' } },
        { name: 'test.noted', payload: { note: 'arrived' } },
      ]),
    );
    await bus.emit('events.recorded', { workspaceId: a.workspaceId, events: [arrived!] });
    await socket.waitFor('event', (e) => e.seq === arrived!.seq);
    expect(socket.events('test.noted').map((e) => [e.seq, e.data])).toEqual([
      [lost!.seq, { note: 'lost' }],
      [arrived!.seq, { note: 'arrived' }],
    ]);
  });

  it('reports the message path stage by stage in /metrics: wait and write, batch sizes, fan-out', async () => {
    const { olive, bea } = people();
    const count = async (name: string) => Number(new RegExp(`^${name}_count (\\d+)`, 'm').exec((await t.client().get('/metrics')).text)?.[1] ?? NaN);
    const names = ['aio_message_store_seconds', 'aio_message_batch_write_seconds', 'aio_message_batch_size', 'aio_ws_event_fanout_seconds'];
    const before = await Promise.all(names.map(count));
    const socket = await connect(bea, a.workspaceId);
    const sent = await Promise.all(['one', 'two', 'three'].map((body) => send(olive, a.base, general.id, body)));
    await socket.waitFor('event', (e) => e.seq === Math.max(...sent.map((m) => m.seq)));
    const [stored, writes, sizes, fanouts] = (await Promise.all(names.map(count))).map((n, i) => n - before[i]!);
    expect(stored).toBe(3);
    // Concurrent sends may share a write: one or more writes, one size per write.
    expect(writes).toBeGreaterThanOrEqual(1);
    expect(sizes).toBe(writes);
    // Bea's socket got three events on this node.
    expect(fanouts).toBeGreaterThanOrEqual(3);
  });

  it('closes a client that stops reading with 4008 once a megabyte waits for it, instead of buffering on', async () => {
    const { olive, bea } = people();
    const flood = await createChannel(olive, a.base, { name: 'flood', memberIds: [bea.userId] });
    const reader = await connect(bea, a.workspaceId);
    // Stop reading: the kernel buffers fill, then the server's own buffer grows.
    const tcp = (reader.ws as unknown as { _socket: import('node:net').Socket })._socket;
    tcp.pause();
    const body = 'x'.repeat(39_000);
    let closed = false;
    void reader.closed.then(() => (closed = true));
    for (let i = 0; i < 400; i += 20) {
      await Promise.all(Array.from({ length: 20 }, (_, k) => send(olive, a.base, flood.id, `${body} ${i + k}`)));
      const metrics = (await t.client().get('/metrics')).text;
      if (/^aio_ws_slow_consumer_disconnects_total [1-9]/m.test(metrics)) break;
    }
    tcp.resume();
    expect(await reader.closed).toEqual({ code: WS_CLOSE.SLOW_CONSUMER, reason: 'slow consumer' });
    expect(closed).toBe(true);
  });
});
