import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChatExport } from '@aio/contracts';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { createTeam, type Team } from '../test-support';
import { generatedExport, importAsOwner, ownerCtx, SAMPLE_SLACK_EXPORT, writeSlackExport } from './import-slack-fixtures';
import { importSlackExport } from './import-slack';
import { openSlackExport } from './import-slack-source';

async function exported(team: Team): Promise<ChatExport> {
  const res = await team.owner.client.get(`${team.base}/export?format=json`);
  expect(res.status, res.text).toBe(200);
  return ChatExport.parse(JSON.parse(res.text));
}

function zipFolder(dir: string): Promise<string> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'aio-slack-zip-')), 'export.zip');
  const zip = new yazl.ZipFile();
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(dir, rel))) {
      const child = rel ? `${rel}/${name}` : name;
      if (statSync(path.join(dir, child)).isDirectory()) walk(child);
      else zip.addFile(path.join(dir, child), child);
    }
  };
  walk('');
  zip.end();
  const out = zip.outputStream.pipe(createWriteStream(file));
  return once(out, 'close').then(() => file);
}

describe('Slack import of the sample export', () => {
  let t: TestApp;
  let team: Team;
  beforeAll(async () => {
    t = await createTestApp();
    team = await createTeam(t, []);
  });
  afterAll(async () => t.close());

  it('imports its people, channels, messages, bot posts and the one reaction, with exact counts', async () => {
    const summary = await importAsOwner(t, team, SAMPLE_SLACK_EXPORT);
    expect(summary).toEqual({
      users: { created: 4, matched: 0 },
      conversations: { created: 2, updated: 0, skipped: 0 },
      messages: 147,
      threads: 0,
      reactions: 1,
      skipped: { 'join/leave notice': 8, 'integration notice': 3 },
    });
    const members = await team.owner.client.get(`${team.base}/members`);
    expect(members.body.items.map((m: { name: string }) => m.name).sort()).toEqual(['Hamza Faran', 'Harry Potter', 'Hermione Granger', 'Olive Owner', 'heroeshannibal']);

    const doc = await exported(team);
    const byName = new Map(doc.conversations.map((c) => [c.name, c]));
    expect(byName.get('enrique')!.messages).toHaveLength(96);
    expect(byName.get('traveling-sailor')!.messages).toHaveLength(51);
    expect(byName.get('enrique')!.memberIds).toHaveLength(4);
    const all = doc.conversations.flatMap((c) => c.messages);
    const bots = all.filter((m) => m.author.type === 'system');
    expect(bots).toHaveLength(94);
    expect(new Set(bots.map((m) => m.author.name))).toEqual(new Set(['github']));
    expect(bots.every((m) => m.body.trim() !== '')).toBe(true);
    const reacted = all.filter((m) => m.reactions.length > 0);
    const harry = members.body.items.find((m: { name: string }) => m.name === 'Harry Potter').userId;
    expect(reacted.map((m) => m.reactions)).toEqual([[{ emoji: ':botman:', userIds: [harry] }]]);
    const first = byName.get('enrique')!.messages[0]!;
    expect(first).toMatchObject({ createdAt: '2016-01-15T05:55:52.000Z', author: { type: 'member', name: 'Hamza Faran' } });
    expect(first.body).toBe('@[Harry Potter]: Created an issue for a setup.py so that it can be installed to a standard place');
    expect(first.entities.mentions).toEqual([{ kind: 'user', userId: harry, offset: 0, length: 15 }]);
  });

  it('adds nothing when the same export is imported again', async () => {
    const again = await importAsOwner(t, team, SAMPLE_SLACK_EXPORT);
    expect(again).toMatchObject({ users: { created: 0, matched: 4 }, conversations: { created: 0, updated: 2 }, messages: 0, reactions: 0 });
    expect(again.skipped['already imported']).toBe(147);
    const doc = await exported(team);
    expect(doc.conversations.flatMap((c) => c.messages)).toHaveLength(147);
    expect((await team.owner.client.get(`${team.base}/members`)).body.items).toHaveLength(5);
  });

  it('reads the same export from a zip file, landing on what is already there', async () => {
    const zipped = await zipFolder(SAMPLE_SLACK_EXPORT);
    const fromZip = await importAsOwner(t, team, zipped);
    expect(fromZip).toMatchObject({ users: { created: 0, matched: 4 }, messages: 0, skipped: { 'already imported': 147 } });
  });
});

describe('Slack import of a generated export', () => {
  let t: TestApp;
  let team: Team;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp();
    team = await createTeam(t, [{ role: 'member', name: 'Mo Member' }]);
    dir = writeSlackExport(generatedExport(team.owner.email));
  });
  afterAll(async () => t.close());

  it('imports threads, broadcasts, mentions, reactions, a private group and a DM, matching people by e-mail', async () => {
    const summary = await importAsOwner(t, team, dir);
    expect(summary).toEqual({
      users: { created: 2, matched: 1 },
      conversations: { created: 3, updated: 0, skipped: 0 },
      messages: 6,
      threads: 1,
      reactions: 2,
      skipped: { 'join/leave notice': 1 },
    });
    const doc = await exported(team);
    const general = doc.conversations.find((c) => c.name === 'general')!;
    expect(general).toMatchObject({ kind: 'channel', isPrivate: false, topic: 'All & everything' });
    const [root, reply, broadcast, bot] = general.messages;
    expect(root!.body).toBe('Deployment of [release 7](https://example.com/r) starts, @[Ada Lovelace] please watch #general');
    expect(root!.entities.mentions).toEqual([{ kind: 'user', userId: team.owner.userId, offset: root!.body.indexOf('@[Ada'), length: 15 }]);
    expect(root!.entities.links.map((l) => l.url)).toEqual(['https://example.com/r']);
    expect(root!.reactions).toEqual([{ emoji: ':eyes:', userIds: expect.arrayContaining([team.owner.userId]) }]);
    expect(reply).toMatchObject({ threadRootId: root!.id, alsoInChannel: false, body: 'on it <3', author: { id: team.owner.userId } });
    expect(broadcast).toMatchObject({ threadRootId: root!.id, alsoInChannel: true });
    expect(bot).toMatchObject({ author: { type: 'system', name: 'deploybot' }, body: 'build 42 passed' });

    const thread = await team.owner.client.get(`${team.base}/messages/${root!.id}/thread`);
    expect(thread.status, thread.text).toBe(200);
    expect(thread.body.root.thread).toMatchObject({ replyCount: 2 });
    expect(doc.conversations.find((c) => c.name === 'secret-plans')).toMatchObject({ isPrivate: true });
    expect(doc.conversations.find((c) => c.kind === 'direct')!.messages[0]!.body).toBe('psst, direct hello');
  });

  it('keeps private conversations private: a member outside them finds nothing', async () => {
    const mo = team.members[0]!;
    const secret = await mo.client.get(`${team.base}/search?q=secret`);
    expect(secret.body.items).toEqual([]);
    const direct = await mo.client.get(`${team.base}/search?q=psst`);
    expect(direct.body.items).toEqual([]);
    const open = await mo.client.get(`${team.base}/search?q=deployment`);
    expect(open.body.items).toHaveLength(1);
  });

  it('is idempotent: a second run changes nothing', async () => {
    const again = await importAsOwner(t, team, dir);
    expect(again).toMatchObject({ users: { created: 0, matched: 3 }, messages: 0, reactions: 0, conversations: { created: 0, updated: 3 } });
    const doc = await exported(team);
    expect(doc.conversations.flatMap((c) => c.messages)).toHaveLength(6);
  });

  it('refuses what is not a Slack export, naming the file, and writes nothing', async () => {
    const noUsers = writeSlackExport({ 'channels.json': [] });
    await expect(importAsOwner(t, team, noUsers)).rejects.toThrow(/is not a Slack export: users.json is missing/);
    const broken = writeSlackExport({ ...generatedExport('x@example.com'), 'channels.json': [{ id: 'C7', name: 'fresh', members: [] }], 'fresh/2024-01-01.json': '[{"ts": "1.0", ' });
    await expect(importAsOwner(t, team, broken)).rejects.toThrow(/fresh\/2024-01-01\.json: malformed JSON/);
    const doc = await exported(team);
    expect(doc.conversations.map((c) => c.name)).not.toContain('fresh');
    await expect(importAsOwner(t, team, path.join(dir, 'nope'))).rejects.toThrow(/no such file or folder/);
  });

  it('is for owners and admins only', async () => {
    const mo = team.members[0]!;
    const source = await openSlackExport(dir);
    const asMember = { ...ownerCtx(t, team.workspaceId, mo.userId), role: 'member' as const };
    await expect(importSlackExport(asMember, t.app.auth, source)).rejects.toThrow(/Only owners and admins/);
    await source.close();
  });
});
