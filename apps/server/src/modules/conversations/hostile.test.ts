import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app';
import { hostileStrings } from '../../../test/hostile';
import { createChannel, createTeam, type Team } from './test-support';

/** Hostile input through team chat: stored byte-exact, or refused with 400, never a 500. */
describe('hostile strings in team chat', () => {
  let t: TestApp;
  let team: Team;
  let channelId: string;
  const strings = hostileStrings();

  beforeAll(async () => {
    t = await createTestApp();
    team = await createTeam(t, []);
    channelId = (await createChannel(team.owner, team.base, { name: 'hostile' })).id;
  });
  afterAll(async () => t.close());

  it(`round-trips each of the ${strings.length} strings as a message body through send → fetch`, async () => {
    const url = `${team.base}/conversations/${channelId}/messages`;
    const sentBodies = new Map<string, string>();
    for (let i = 0; i < strings.length; i += 100) {
      const chunk = strings.slice(i, i + 100);
      const responses = await Promise.all(chunk.map((body, j) => team.owner.client.post(url, { clientId: `h-${i + j}`, body })));
      responses.forEach((res, j) => {
        expect([201, 400], `${JSON.stringify(chunk[j])}: ${res.text}`).toContain(res.status);
        if (res.status === 201) {
          expect(res.body.body).toBe(chunk[j]);
          sentBodies.set(res.body.id, chunk[j]!);
        } else expect(res.body.error.code).toBe('VALIDATION_FAILED');
      });
    }
    expect(sentBodies.size).toBeGreaterThan(strings.length * 0.9);
    const fetched = new Map<string, string>();
    let page = (await team.owner.client.get(`${url}?limit=200&after=0`)).body;
    for (;;) {
      for (const m of page.items) fetched.set(m.id, m.body);
      if (!page.hasMoreAfter) break;
      page = (await team.owner.client.get(`${url}?limit=200&after=${page.items.at(-1).seq}`)).body;
    }
    expect(fetched).toEqual(sentBodies);
  }, 120_000);

  it('stores each string as a channel topic byte-exact, or refuses it with 400', async () => {
    const lanes = await Promise.all([1, 2, 3, 4].map((i) => createChannel(team.owner, team.base, { name: `topics-${i}` })));
    const stored = await Promise.all(
      lanes.map(async (channel, lane) => {
        const url = `${team.base}/conversations/${channel.id}`;
        const accepted: string[] = [];
        for (const topic of strings.filter((_, i) => i % lanes.length === lane)) {
          const res = await team.owner.client.patch(url, { topic });
          expect([200, 400], `${JSON.stringify(topic)}: ${res.text}`).toContain(res.status);
          if (res.status === 200) expect(res.body.topic).toBe(topic);
          if (res.status === 200) accepted.push(topic);
        }
        expect((await team.owner.client.get(url)).body.topic).toBe(accepted.at(-1));
        return accepted.length;
      }),
    );
    expect(stored.reduce((a, b) => a + b, 0)).toBeGreaterThan(strings.length * 0.9);
  }, 120_000);
});
