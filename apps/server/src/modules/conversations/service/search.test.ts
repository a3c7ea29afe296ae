import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app';
import { hostileStrings } from '../../../../test/hostile';
import { createChannel, createTeam, type Person, send, type Team } from '../test-support';

/** Joins consecutive strings into queries of at most 500 characters and 20 whitespace-separated tokens. */
function packQueries(strings: string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const s of strings.filter((x) => x.trim() !== '' && x.length <= 500)) {
    const next = current ? `${current} ${s}` : s;
    if (next.length > 500 || next.split(/\s+/u).length > 20) {
      if (current) out.push(current);
      current = s;
    } else current = next;
  }
  if (current) out.push(current);
  return out;
}

type Hit = { message: { id: string; body: string; conversationId: string }; snippet: Array<{ text: string; highlight: boolean }>; rank: number };

describe('message search', () => {
  let t: TestApp;
  let team: Team;
  let owner: Person;
  let mo: Person;
  let gus: Person;
  let general: string;
  let ops: string;
  let secret: string;
  let dm: string;
  const sent: Record<string, { id: string }> = {};

  async function search(person: Person, q: string, extra = '') {
    return person.client.get(`${team.base}/search?q=${encodeURIComponent(q)}${extra}`);
  }
  async function bodiesFound(person: Person, q: string): Promise<string[]> {
    const res = await search(person, q);
    expect(res.status, res.text).toBe(200);
    return res.body.items.map((h: Hit) => h.message.body);
  }

  beforeAll(async () => {
    t = await createTestApp();
    team = await createTeam(t, [
      { role: 'member', name: 'Mo Member' },
      { role: 'guest', name: 'Gus Guest' },
    ]);
    [owner, mo, gus] = [team.owner, team.members[0]!, team.members[1]!];
    general = (await createChannel(owner, team.base, { name: 'general', memberIds: [mo.userId] })).id;
    ops = (await createChannel(owner, team.base, { name: 'ops' })).id;
    secret = (await createChannel(owner, team.base, { name: 'secret', isPrivate: true })).id;
    dm = (await owner.client.post(`${team.base}/conversations`, { kind: 'direct', memberIds: [mo.userId] })).body.id;
    sent.exact = await send(owner, team.base, general, 'deploy deploy: we deploy on Fridays');
    sent.partial = await send(mo, team.base, general, 'The deployment finished');
    sent.phrase = await send(mo, team.base, general, 'the release notes are out, see https://example.com/notes');
    sent.reversed = await send(owner, team.base, ops, 'notes about the release');
    sent.secret = await send(owner, team.base, secret, 'secret deployment plans');
    sent.direct = await send(owner, team.base, dm, 'direct words about the deployment');
    sent.reply = await send(mo, team.base, general, 'a reply in the thread', { threadRootId: sent.exact!.id });
    const doomed = await send(owner, team.base, general, 'doomed deployment message');
    expect((await owner.client.delete(`${team.base}/messages/${doomed.id}`)).status).toBe(204);
  });
  afterAll(async () => t.close());

  it('finds whole and partial words, best match first', async () => {
    expect(await bodiesFound(owner, 'deploy')).toEqual([
      'deploy deploy: we deploy on Fridays',
      'direct words about the deployment',
      'secret deployment plans',
      'The deployment finished',
    ]);
    expect(await bodiesFound(owner, 'PLOYM')).toEqual(['direct words about the deployment', 'secret deployment plans', 'The deployment finished']);
  });

  it('matches "quoted phrases" as written, and requires every word', async () => {
    expect(await bodiesFound(owner, '"release notes"')).toEqual(['the release notes are out, see https://example.com/notes']);
    expect(await bodiesFound(owner, 'release notes')).toHaveLength(2);
    expect(await bodiesFound(owner, 'deployment finished')).toEqual(['The deployment finished']);
  });

  it('filters by author, place, date, links and threads', async () => {
    expect(await bodiesFound(owner, 'from:"Mo Member" deployment')).toEqual(['The deployment finished']);
    expect(await bodiesFound(owner, `from:@${mo.email.split('@')[0]} deployment`)).toEqual(['The deployment finished']);
    expect(await bodiesFound(owner, `from:${owner.email.split('@')[0]} in:#ops`)).toEqual(['notes about the release']);
    expect(await bodiesFound(mo, 'from:me has:link')).toEqual(['the release notes are out, see https://example.com/notes']);
    expect(await bodiesFound(owner, `in:@${mo.email.split('@')[0]}`)).toEqual(['direct words about the deployment']);
    expect(await bodiesFound(mo, 'is:thread in:#general')).toEqual(['a reply in the thread', 'deploy deploy: we deploy on Fridays']);
    const today = new Date().toISOString().slice(0, 10);
    expect(await bodiesFound(owner, `deploy before:${today}`)).toEqual([]);
    expect(await bodiesFound(owner, `deploy after:2000-01-01`)).toHaveLength(4);
    expect(await bodiesFound(owner, 'from:nobody-at-all')).toEqual([]);
    expect(await bodiesFound(owner, 'in:#no-such-channel')).toEqual([]);
  });

  it('shows only what the caller may read: no private channels of others, no guests in public channels, never deleted messages', async () => {
    expect(await bodiesFound(mo, 'deployment')).toEqual(['direct words about the deployment', 'The deployment finished']);
    expect(await bodiesFound(owner, 'doomed')).toEqual([]);
    expect(await bodiesFound(gus, 'deployment')).toEqual([]);
    const outsider = (await createTeam(t, [])).owner;
    expect((await search(outsider, 'deployment')).status).toBe(404);
  });

  it('returns snippets as text parts with the matches highlighted', async () => {
    const res = await search(owner, 'ploym finished');
    const hit: Hit = res.body.items[0];
    expect(hit.message.id).toBe(sent.partial!.id);
    expect(hit.snippet).toEqual([
      { text: 'The de', highlight: false },
      { text: 'ploym', highlight: true },
      { text: 'ent ', highlight: false },
      { text: 'finished', highlight: true },
    ]);
    expect(res.body.items[0].conversation).toEqual({ id: general, kind: 'channel', name: 'general' });
  });

  it('pages with an opaque cursor, without repeats, and counts the total', async () => {
    for (let i = 0; i < 12; i++) await send(owner, team.base, ops, `pagination marker ${i}`);
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page++) {
      const res = await search(owner, 'marker', `&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.body.total).toBe(12);
      seen.push(...res.body.items.map((h: Hit) => h.message.body));
      if (!res.body.nextCursor) break;
      cursor = res.body.nextCursor;
    }
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => `pagination marker ${11 - i}`));
  });

  it('answers 400 with a clear message for bad filters and cursors', async () => {
    const bad = await search(owner, 'deploy before:yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toEqual({ code: 'VALIDATION_FAILED', message: 'before: expects a date as YYYY-MM-DD, got "yesterday"', details: { filter: 'before', value: 'yesterday' } });
    expect((await search(owner, 'deploy', '&cursor=garbage')).status).toBe(400);
    expect((await search(owner, '   ')).status).toBe(400);
  });

  it('returns hostile message bodies byte-exact, finds them by their words, and never fails on them as queries', async () => {
    const strings = hostileStrings();
    const hostile = (await createChannel(owner, team.base, { name: 'hostile' })).id;
    const sentBodies = new Map<string, string>();
    for (let i = 0; i < strings.length; i += 100) {
      const chunk = strings.slice(i, i + 100);
      const responses = await Promise.all(chunk.map((body, j) => owner.client.post(`${team.base}/conversations/${hostile}/messages`, { clientId: `hostile-${i + j}`, body })));
      responses.forEach((res, j) => (res.status === 201 ? sentBodies.set(res.body.id, chunk[j]!) : expect(res.status, res.text).toBe(400)));
    }
    expect(sentBodies.size).toBeGreaterThan(strings.length * 0.9);

    const found = new Map<string, string>();
    for (let cursor = ''; ; ) {
      const page = await search(owner, 'in:#hostile', `&limit=100${cursor && `&cursor=${cursor}`}`);
      for (const h of page.body.items as Hit[]) found.set(h.message.id, h.message.body);
      if (!page.body.nextCursor) break;
      cursor = page.body.nextCursor;
    }
    expect(found).toEqual(sentBodies);

    // Every string is sent as (part of) a query; several per request keep this quick.
    for (const q of packQueries(strings)) {
      const res = await search(owner, q, '&limit=1');
      expect([200, 400], `${JSON.stringify(q)}: ${res.text}`).toContain(res.status);
    }
    const plain = [...sentBodies].filter(([, body]) => /[\p{L}\p{N}]/u.test(body) && !/[:"]/.test(body) && body.length <= 200);
    for (const [id, body] of plain.filter((_, i) => i % 20 === 0)) {
      const res = await search(owner, `in:#hostile "${body}"`, '&limit=100');
      expect(res.status, res.text).toBe(200);
      expect(res.body.items.map((h: Hit) => h.message.id), JSON.stringify(body)).toContain(id);
    }
    // Over a thousand sends and a few hundred searches: more than the default budget when the suite runs in parallel.
  }, 120_000);
});
