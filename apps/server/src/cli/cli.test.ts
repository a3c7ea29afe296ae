import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';

const serverDir = path.resolve(import.meta.dirname, '../..');

/** Runs `aio …` in its own process, as an operator would. */
function aio(env: NodeJS.ProcessEnv, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(serverDir, 'src/cli.ts'), ...args], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

// Each test starts several processes that each load the server through tsx
// and open the database: seconds apiece on a busy two-core machine.
describe('aio CLI', { timeout: 180_000 }, () => {
  let env: NodeJS.ProcessEnv;
  let db: TestDatabase | undefined;

  beforeAll(async () => {
    env = { DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'aio-cli-')) };
    if (process.env.DATABASE_URL) {
      db = await createTestDatabase();
      await db.database.close();
      env = { ...env, DATABASE_URL: db.url, APP_SECRET: 's'.repeat(40), ENCRYPTION_KEY: randomBytes(32).toString('hex') };
    }
  });
  afterAll(async () => db?.drop());

  it('migrates, creates a user and a workspace, and seeds the demo', () => {
    expect(aio(env, 'migrate')).toMatchObject({ code: 0, out: expect.stringContaining('migrations applied') });
    const user = aio(env, 'user', 'create', '--email', 'Ada@Example.com', '--name', 'Ada Lovelace');
    expect(user.code, user.err).toBe(0);
    expect(user.out).toMatch(/user created: ada@example\.com/);
    expect(user.out).toMatch(/password: \S{12,}/);

    const ws = aio(env, 'workspace', 'create', '--name', 'Analytical Engines', '--owner', 'ada@example.com');
    expect(ws.code, ws.err).toBe(0);
    expect(ws.out).toMatch(/workspace created: Analytical Engines \(id [0-9a-f-]{36}\)/);

    const demo = aio(env, 'seed-demo');
    expect(demo.code, demo.err).toBe(0);
    expect(demo.out).toMatch(/demo seeded: owner@acme-support\.example \/ \S+/);
  });

  it('refuses bad input with a clear message and exit code 1', () => {
    const dup = aio(env, 'user', 'create', '--email', 'ada@example.com', '--name', 'Again');
    expect(dup).toMatchObject({ code: 1, err: 'error: A user with e-mail ada@example.com already exists\n' });
    expect(aio(env, 'user', 'create', '--email', 'not-an-email', '--name', 'X')).toMatchObject({ code: 1, err: expect.stringContaining('--email: must be an e-mail address') });
    expect(aio(env, 'workspace', 'create', '--name', 'X', '--owner', 'nobody@example.com')).toMatchObject({ code: 1, err: expect.stringContaining('no user with e-mail nobody@example.com') });
    expect(aio({ ...env, PORT: 'abc' }, 'migrate')).toMatchObject({ code: 1, err: expect.stringMatching(/^error: Invalid configuration: PORT/) });
    expect(aio(env, 'frobnicate').code).not.toBe(0);
  });

  it('is reachable as `npx aio` through the package bin, which builds the server when needed', () => {
    const result = spawnSync(process.execPath, [path.join(serverDir, 'bin/aio.mjs'), '--help'], { encoding: 'utf8', timeout: 120_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('seed-demo');
  });
});
