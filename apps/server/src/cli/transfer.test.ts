import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { SAMPLE_SLACK_EXPORT, writeSlackExport } from '../modules/conversations/service/import-slack-fixtures';

const serverDir = path.resolve(import.meta.dirname, '../..');

/** Runs `aio …` in its own process, as an operator would. */
function aio(env: NodeJS.ProcessEnv, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(serverDir, 'src/cli.ts'), ...args], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Each command is a process of its own (a few seconds each), hence the long test budgets. */
describe('aio import slack / aio export', () => {
  let env: NodeJS.ProcessEnv;
  let db: TestDatabase | undefined;
  let workspaceId: string;
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'aio-cli-transfer-'));

  beforeAll(async () => {
    env = { DATA_DIR: path.join(tmp, 'data') };
    if (process.env.DATABASE_URL) {
      db = await createTestDatabase();
      await db.database.close();
      env = { ...env, DATABASE_URL: db.url, APP_SECRET: 's'.repeat(40), ENCRYPTION_KEY: randomBytes(32).toString('hex') };
    }
    expect(aio(env, 'user', 'create', '--email', 'ops@example.com', '--name', 'Ops Owner').code).toBe(0);
    const ws = aio(env, 'workspace', 'create', '--name', 'Imported', '--owner', 'ops@example.com');
    expect(ws.code, ws.err).toBe(0);
    workspaceId = /\(id ([0-9a-f-]{36})\)/.exec(ws.out)![1]!;
  }, 120_000);
  afterAll(async () => db?.drop());

  it('imports the sample export with a progress bar on stderr and a summary on stdout, then exports it as HTML', () => {
    const imported = aio(env, 'import', 'slack', SAMPLE_SLACK_EXPORT, '--workspace', workspaceId);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.err).toMatch(/importing \[#+\] 100% \| 158\/158 messages/);
    expect(imported.out).toBe(
      'imported from Slack: users: 4 created, 0 matched; conversations: 2 created, 0 updated; messages: 147; threads: 0; reactions: 1; ' +
        'skipped: 8 join/leave notice, 3 integration notice\n',
    );

    const file = path.join(tmp, 'export.html');
    const exported = aio(env, 'export', '--workspace', workspaceId, '--format', 'html', '--out', file);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.err).toMatch(/exporting \[#+\] 100% \| 147\/147 messages/);
    expect(exported.out).toBe(`exported 147 messages to ${file}\n`);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<h2>#enrique</h2>');
    expect(html).toContain('<span class="author">github</span>');
    expect(html).not.toMatch(/<script/i);
  }, 180_000);

  it('stops with exit code 1 and a message naming the problem', () => {
    const broken = writeSlackExport({ 'users.json': [], 'channels.json': [{ id: 'C1', name: 'x', members: [] }], 'x/2024-01-01.json': '{oops' });
    const result = aio(env, 'import', 'slack', broken, '--workspace', workspaceId);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^error: x\/2024-01-01\.json: malformed JSON/m);
    expect(aio(env, 'export', '--workspace', 'no-such-workspace', '--out', path.join(tmp, 'x.json'))).toMatchObject({
      code: 1,
      err: 'error: no workspace with id no-such-workspace\n',
    });
  }, 180_000);
});
