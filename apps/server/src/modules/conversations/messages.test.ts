import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { createChannel, createTeam, send, type Team } from './test-support';

describe('messages', () => {
  let t: TestApp;
  let team: Team;
  let base: string;
  let channelId: string;
  const people = () => ({ olive: team.owner, bea: team.members[0]!, cal: team.members[1]! });

  beforeAll(async () => {
    t = await createTestApp();
    team = await createTeam(t, [
      { role: 'member', name: 'Bea' },
      { role: 'member', name: 'Cal' },
    ]);
    base = team.base;
    const { bea, cal } = people();
    channelId = (await createChannel(team.owner, base, { name: 'general', memberIds: [bea.userId, cal.userId] })).id;
  });
  afterAll(async () => t.close());

  it('sends a message with its entities and returns it in the timeline', async () => {
    const { olive, bea } = people();
    const body = 'Hi @bea, see https://example.com/doc and **this**';
    const res = await olive.client.post(`${base}/conversations/${channelId}/messages`, { clientId: 'first', body });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      conversationId: channelId,
      clientId: 'first',
      body,
      author: { type: 'member', id: olive.userId, name: 'Olive Owner' },
      threadRootId: null,
      thread: null,
      reactions: [],
      pinned: false,
      editedAt: null,
      deletedAt: null,
    });
    expect(res.body.entities).toEqual({
      mentions: [{ kind: 'user', userId: bea.userId, offset: 3, length: 4 }],
      links: [{ url: 'https://example.com/doc', offset: 13, length: 23 }],
    });
    const page = await bea.client.get(`${base}/conversations/${channelId}/messages`);
    expect(page.body.items.at(-1)).toEqual(res.body);
    const conversation = await olive.client.get(`${base}/conversations/${channelId}`);
    expect(conversation.body.lastMessageSeq).toBe(res.body.seq);
  });

  it('edits only as the author, keeping each earlier text in the history', async () => {
    const { olive, bea } = people();
    const message = await send(bea, base, channelId, 'draft one');
    const url = `${base}/messages/${message.id}`;
    expect((await olive.client.patch(url, { body: 'hijack' })).status).toBe(403);
    expect((await bea.client.patch(url, { body: 'draft two @Cal' })).body).toMatchObject({ body: 'draft two @Cal', editedAt: expect.any(String) });
    const final = await bea.client.patch(url, { body: 'final' });
    expect(final.body.entities.mentions).toEqual([]);
    const edits = await olive.client.get(`${url}/edits`);
    expect(edits.body.items.map((e: { body: string; editedBy: string }) => [e.body, e.editedBy])).toEqual([
      ['draft one', bea.userId],
      ['draft two @Cal', bea.userId],
    ]);
    expect((await bea.client.patch(url, { body: '   ' })).status).toBe(400);
  });

  it('deletes as the author or an admin, leaving a tombstone without body, entities, reactions or history', async () => {
    const { olive, bea, cal } = people();
    const message = await send(bea, base, channelId, 'oops https://secret.example @Cal');
    const url = `${base}/messages/${message.id}`;
    await bea.client.patch(url, { body: 'oops, edited' });
    await cal.client.post(`${url}/reactions`, { emoji: '👍' });
    await cal.client.request('PUT', `${url}/pin`);
    expect((await cal.client.delete(url)).status).toBe(403);
    expect((await olive.client.delete(url)).status).toBe(204);
    const gone = (await bea.client.get(url)).body;
    expect(gone).toMatchObject({ body: '', entities: { mentions: [], links: [] }, reactions: [], pinned: false, deletedAt: expect.any(String) });
    expect((await bea.client.get(`${url}/edits`)).body.items).toEqual([]);
    expect((await bea.client.delete(url)).status).toBe(204);
    expect((await bea.client.patch(url, { body: 'undo' })).status).toBe(409);
    expect((await cal.client.post(`${url}/reactions`, { emoji: '👍' })).status).toBe(409);
  });

  it('toggles reactions per person and emoji', async () => {
    const { olive, bea, cal } = people();
    const message = await send(olive, base, channelId, 'react to me');
    const react = (who: typeof olive, emoji: string) => who.client.post(`${base}/messages/${message.id}/reactions`, { emoji });
    await react(bea, '🎉');
    await react(cal, '🎉');
    const both = await react(cal, ':tada_custom:');
    expect(both.body.reactions).toEqual([
      { emoji: '🎉', count: 2, userIds: [bea.userId, cal.userId] },
      { emoji: ':tada_custom:', count: 1, userIds: [cal.userId] },
    ]);
    const undone = await react(bea, '🎉');
    expect(undone.body.reactions[0]).toEqual({ emoji: '🎉', count: 1, userIds: [cal.userId] });
    expect((await react(bea, 'not an emoji')).status).toBe(400);
  });

  it('counts thread replies and participants once per reply; participants follow unless they opt out', async () => {
    const { olive, bea, cal } = people();
    const root = await send(olive, base, channelId, 'Thread root');
    const reply = (who: typeof olive, body: string, extra = {}) => send(who, base, channelId, body, { threadRootId: root.id, ...extra });
    await reply(bea, 'first reply');
    await Promise.all([reply(cal, 'second reply'), reply(bea, 'third reply')]);
    const shown = await reply(cal, 'also in the channel', { alsoSendToChannel: true });

    const thread = await bea.client.get(`${base}/messages/${root.id}/thread`);
    expect(thread.body.root.thread).toMatchObject({ replyCount: 4, following: true });
    expect(thread.body.root.thread.participantIds).toEqual([olive.userId, bea.userId, cal.userId]);
    expect(thread.body.items.map((m: { body: string }) => m.body)).toContain('first reply');
    expect(thread.body.items).toHaveLength(4);
    const viaReply = await bea.client.get(`${base}/messages/${shown.id}/thread?limit=2`);
    expect(viaReply.body.root.id).toBe(root.id);
    expect(viaReply.body).toMatchObject({ hasMoreBefore: true, hasMoreAfter: false });

    const timeline = (await bea.client.get(`${base}/conversations/${channelId}/messages`)).body.items.map((m: { id: string }) => m.id);
    expect(timeline).toContain(shown.id);
    expect(timeline).toContain(root.id);
    expect(timeline.filter((id: string) => thread.body.items.some((m: { id: string }) => m.id === id))).toEqual([shown.id]);

    expect((await bea.client.delete(`${base}/messages/${root.id}/follow`)).status).toBe(204);
    expect((await bea.client.get(`${base}/messages/${root.id}`)).body.thread.following).toBe(false);
    expect((await cal.client.get(`${base}/messages/${root.id}`)).body.thread.following).toBe(true);
    expect((await bea.client.request('PUT', `${base}/messages/${root.id}/follow`)).status).toBe(204);
    expect((await bea.client.get(`${base}/messages/${root.id}`)).body.thread.following).toBe(true);

    const nested = await bea.client.post(`${base}/conversations/${channelId}/messages`, { clientId: 'nested', body: 'x', threadRootId: shown.id });
    expect(nested.status).toBe(400);
  });

  it('pins for everyone in the conversation and bookmarks for oneself', async () => {
    const { olive, bea, cal } = people();
    const first = await send(olive, base, channelId, 'pin me first');
    const second = await send(olive, base, channelId, 'pin me second');
    for (const m of [first, second]) expect((await bea.client.request('PUT', `${base}/messages/${m.id}/pin`)).status).toBe(204);
    expect((await bea.client.request('PUT', `${base}/messages/${first.id}/pin`)).status).toBe(204);
    const pins = await cal.client.get(`${base}/conversations/${channelId}/pins`);
    expect(pins.body.items.map((m: { id: string; pinned: boolean }) => [m.id, m.pinned])).toEqual([
      [second.id, true],
      [first.id, true],
    ]);
    expect((await cal.client.delete(`${base}/messages/${second.id}/pin`)).status).toBe(204);
    expect((await cal.client.get(`${base}/conversations/${channelId}/pins`)).body.items).toHaveLength(1);

    expect((await cal.client.request('PUT', `${base}/messages/${first.id}/bookmark`)).status).toBe(204);
    const marks = await cal.client.get(`${base}/bookmarks`);
    expect(marks.body.items.map((m: { id: string; bookmarked: boolean }) => [m.id, m.bookmarked])).toEqual([[first.id, true]]);
    expect((await bea.client.get(`${base}/bookmarks`)).body.items).toEqual([]);
    expect((await bea.client.get(`${base}/messages/${first.id}`)).body.bookmarked).toBe(false);
    expect((await cal.client.delete(`${base}/messages/${first.id}/bookmark`)).status).toBe(204);
    expect((await cal.client.get(`${base}/bookmarks`)).body.items).toEqual([]);
  });

  it('answers 404 for messages that do not exist or live in a conversation the caller cannot see', async () => {
    const { olive, bea } = people();
    const hidden = await createChannel(bea, base, { name: 'hidden', isPrivate: true });
    const secret = await send(bea, base, hidden.id, 'for my eyes');
    for (const path of ['', '/edits', '/thread']) expect((await olive.client.get(`${base}/messages/${secret.id}${path}`)).status).toBe(404);
    expect((await olive.client.post(`${base}/messages/${secret.id}/reactions`, { emoji: '👀' })).status).toBe(404);
    expect((await olive.client.request('PUT', `${base}/messages/${secret.id}/bookmark`)).status).toBe(404);
    expect((await olive.client.delete(`${base}/messages/${secret.id}`)).status).toBe(404);
    expect((await olive.client.get(`${base}/messages/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});
