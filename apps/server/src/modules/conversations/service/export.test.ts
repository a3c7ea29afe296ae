import { ChatExport } from '@aio/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { createChannel, createTeam, type Person, send, type Team } from '../test-support';
import { escapeHtml } from './export-html';
import { EXPORT_PAGE } from './export-walk';
import { importAsOwner, writeSlackExport } from './import-slack-fixtures';

const HOSTILE = ['<script>alert("x")</script>', '"><img src=x onerror=alert(1)>', "it's & <b>bold</b> \u202e", '</style><svg onload=alert(1)>'];
const OUR_TAGS = /<(?!\/?(?:html|head|meta|title|style|body|header|h1|h2|h3|p|section|article|div|span|time|ul|li|a)\b|!doctype)/gi;

describe('conversation and workspace export', () => {
  let t: TestApp;
  let team: Team;
  let owner: Person;
  let mo: Person;
  let general: string;
  let secret: string;
  const ids = { root: '', reply: '', edited: '', deleted: '', hostile: [] as string[] };

  beforeAll(async () => {
    t = await createTestApp();
    team = await createTeam(t, [{ role: 'member', name: 'Mo Member' }]);
    [owner, mo] = [team.owner, team.members[0]!];
    general = (await createChannel(owner, team.base, { name: 'general', topic: '<b>topic</b>', memberIds: [mo.userId] })).id;
    secret = (await createChannel(owner, team.base, { name: 'secret', isPrivate: true })).id;
    ids.root = (await send(owner, team.base, general, 'release plan, see https://example.com/plan')).id;
    await send(owner, team.base, general, 'read [the docs](https://example.com/docs) now, @[Mo Member]');
    ids.reply = (await send(mo, team.base, general, 'looks good', { threadRootId: ids.root })).id;
    for (const body of HOSTILE) ids.hostile.push((await send(mo, team.base, general, body)).id);
    ids.edited = (await send(owner, team.base, general, 'first version')).id;
    expect((await owner.client.patch(`${team.base}/messages/${ids.edited}`, { body: 'second version' })).status).toBe(200);
    ids.deleted = (await send(owner, team.base, general, 'regrettable words')).id;
    expect((await owner.client.delete(`${team.base}/messages/${ids.deleted}`)).status).toBe(204);
    expect((await mo.client.post(`${team.base}/messages/${ids.root}/reactions`, { emoji: ':tada:' })).status).toBe(200);
    await send(owner, team.base, secret, 'only for the owner');
  });
  afterAll(async () => t.close());

  it('exports a conversation as versioned JSON that round-trips what the API shows', async () => {
    const res = await mo.client.get(`${team.base}/conversations/${general}/export?format=json`);
    expect(res.status, res.text).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="aio-chat-general-\d{4}-\d{2}-\d{2}\.json"/);
    const doc = ChatExport.parse(JSON.parse(res.text));
    expect(doc).toMatchObject({ format: 'aio-chat-export', version: 1, scope: 'conversation', workspace: { id: team.workspaceId, name: 'Team chat' } });
    expect(doc.members.map((m) => m.email).sort()).toEqual([mo.email, owner.email].sort());
    const [conversation] = doc.conversations;
    expect(conversation).toMatchObject({ id: general, name: 'general', topic: '<b>topic</b>', isPrivate: false });
    const byId = new Map(conversation!.messages.map((m) => [m.id, m]));
    expect(conversation!.messages.map((m) => m.id).slice(0, 2)).toEqual([ids.root, ids.reply]);
    expect(conversation!.messages).toHaveLength(HOSTILE.length + 5);
    expect(byId.get(ids.reply)).toMatchObject({ threadRootId: ids.root, author: { type: 'member', id: mo.userId, name: 'Mo Member' } });
    expect(byId.get(ids.root)!.reactions).toEqual([{ emoji: ':tada:', userIds: [mo.userId] }]);
    expect(byId.get(ids.root)!.entities.links.map((l) => l.url)).toEqual(['https://example.com/plan']);
    expect(byId.get(ids.edited)).toMatchObject({ body: 'second version', edits: [{ body: 'first version', editedBy: owner.userId }] });
    expect(byId.get(ids.deleted)).toMatchObject({ body: '', edits: [], deletedAt: expect.any(String) });
    HOSTILE.forEach((body, i) => expect(byId.get(ids.hostile[i]!)!.body).toBe(body));

    const timeline = (await mo.client.get(`${team.base}/conversations/${general}/messages?limit=200`)).body.items as Array<{ id: string; body: string; seq: number }>;
    for (const m of timeline) expect(byId.get(m.id)).toMatchObject({ body: m.body, seq: m.seq });
  });

  it('exports a standalone HTML page with every user string escaped and threads under their roots', async () => {
    const res = await mo.client.get(`${team.base}/conversations/${general}/export?format=html`);
    expect(res.status, res.text).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/filename="aio-chat-general-[\d-]+\.html"/);
    const html = res.text;
    expect(html).not.toMatch(/<script|<img|<svg|<iframe/i);
    expect(html.match(OUR_TAGS)).toBeNull();
    expect(html).not.toMatch(/\b(?:src|href)="(?!https:\/\/example\.com)/);
    for (const body of HOSTILE) expect(html).toContain(escapeHtml(body));
    expect(html).toContain('&lt;b&gt;topic&lt;/b&gt;');
    const root = html.indexOf(`id="m-${ids.root}"`);
    const thread = html.indexOf('<div class="thread">', root);
    const reply = html.indexOf(`id="m-${ids.reply}"`);
    expect(root).toBeGreaterThan(0);
    expect(thread).toBeGreaterThan(root);
    expect(reply).toBeGreaterThan(thread);
    expect(html).toContain('<a href="https://example.com/plan" rel="noopener noreferrer nofollow">https://example.com/plan</a>');
    expect(html).toContain('read <a href="https://example.com/docs" rel="noopener noreferrer nofollow">the docs</a> now, <span class="mention">@Mo Member</span>');
    expect(html).toContain('This message was deleted.');
    expect(html).not.toContain('regrettable words');
    expect(html).toMatch(/<li title="Mo Member">:tada: 1<\/li>/);
  });

  it('lets only those who can read a conversation export it', async () => {
    expect((await mo.client.get(`${team.base}/conversations/${secret}/export`)).status).toBe(404);
    expect((await mo.client.get(`${team.base}/conversations/no-such-id/export`)).status).toBe(404);
    expect((await mo.client.get(`${team.base}/conversations/${general}/export?format=pdf`)).status).toBe(400);
    const outsider = (await createTeam(t, [])).owner;
    expect((await outsider.client.get(`${team.base}/conversations/${general}/export`)).status).toBe(404);
  });

  it('exports the whole workspace for owners and admins only, and audits it', async () => {
    const refused = await mo.client.get(`${team.base}/export`);
    expect(refused.status).toBe(403);
    const res = await owner.client.get(`${team.base}/export?format=json`);
    expect(res.status, res.text).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="aio-chat-team-chat-[\d-]+\.json"/);
    const doc = ChatExport.parse(JSON.parse(res.text));
    expect(doc.scope).toBe('workspace');
    expect(doc.conversations.map((c) => c.name)).toEqual(['general', 'secret']);
    expect(doc.members).toHaveLength(2);
    const html = (await owner.client.get(`${team.base}/export?format=html`)).text;
    expect(html).toContain('<h2>#general</h2>');
    expect(html).toContain('<h2>#secret</h2>');
    const log = await owner.client.get(`${team.base}/audit-log?action=workspace.exported`);
    expect(log.body.items.map((e: { after: { format: string } }) => e.after.format)).toEqual(['html', 'json']);
  });
});

describe('export of a large conversation', () => {
  let t: TestApp;
  let team: Team;
  beforeAll(async () => {
    t = await createTestApp();
    team = await createTeam(t, []);
  });
  afterAll(async () => t.close());

  it('pages through more messages than one page holds, keeping order and threads', async () => {
    const count = EXPORT_PAGE * 2 + 37;
    const base = 1_700_000_000;
    const messages = Array.from({ length: count }, (_, i) => ({
      type: 'message',
      user: 'U1',
      text: `message ${i}`,
      ts: `${base + i}.000100`,
      ...(i > 0 && i % 100 === 0 ? { thread_ts: `${base + i - 1}.000100` } : {}),
    }));
    const dir = writeSlackExport({
      'users.json': [{ id: 'U1', name: 'bulk', real_name: 'Bulk Writer' }],
      'channels.json': [{ id: 'C1', name: 'bulk', members: ['U1'] }],
      'bulk/2023-11-14.json': messages,
    });
    const summary = await importAsOwner(t, team, dir);
    expect(summary).toMatchObject({ messages: count, threads: 10 });
    const doc = ChatExport.parse(JSON.parse((await team.owner.client.get(`${team.base}/export`)).text));
    const exported = doc.conversations[0]!.messages;
    expect(exported).toHaveLength(count);
    expect(exported.filter((m) => m.threadRootId === null).map((m) => m.body)).toEqual(
      messages.filter((m) => !('thread_ts' in m)).map((m) => m.text),
    );
    const replyAt = exported.findIndex((m) => m.body === 'message 100');
    expect(exported[replyAt - 1]).toMatchObject({ body: 'message 99', id: exported[replyAt]!.threadRootId });
  });
});
