import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app';
import { hostileStrings } from './hostile';
import type { TestClient } from './client';
import { signUpVerified } from './users';

export { hostileStrings };

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

describe('hostile input', () => {
  let t: TestApp;
  let client: TestClient;
  const strings = hostileStrings();

  beforeAll(async () => {
    t = await createTestApp();
    client = (await signUpVerified(t)).client;
  });
  afterAll(async () => t.close());

  it(`stores each of the ${strings.length} hostile strings as a workspace name byte-exact, or refuses it with 400`, async () => {
    let stored = 0;
    await inBatches(strings, 8, async (name) => {
      const res = await client.post('/api/v1/workspaces', { name });
      expect([201, 400], `status for ${JSON.stringify(name)}: ${res.text}`).toContain(res.status);
      if (res.status === 400) return void expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.name).toBe(name);
      const back = await client.get(`/api/v1/workspaces/${res.body.id}`);
      expect(back.body.name).toBe(name);
      stored += 1;
    });
    expect(stored).toBeGreaterThan(strings.length * 0.9);
  });

  it('stores each hostile string as a display name byte-exact, or refuses it with 400', async () => {
    for (const name of strings) {
      const res = await client.patch('/api/v1/me', { name });
      expect([200, 400], `status for ${JSON.stringify(name)}: ${res.text}`).toContain(res.status);
      if (res.status === 200) expect((await client.get('/api/v1/me')).body.name).toBe(name);
    }
  });
});
