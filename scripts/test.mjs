// `npm test`: the whole suite. Vitest (unit + integration through HTTP and
// WebSocket on a real database), then Playwright in Debian's Chromium against
// a real server. With DATABASE_URL / REDIS_URL set, both run against them.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureWebBuilt } from './build-if-stale.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const mode = process.env.DATABASE_URL ? 'PostgreSQL' + (process.env.REDIS_URL ? ' + Redis' : '') : 'embedded PGlite';
process.stdout.write(`\nAIO Chat tests on ${mode}\n`);

function run(label, command, args) {
  process.stdout.write(`\n--- ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    process.stderr.write(`\n${label} failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status || 1);
  }
}

await ensureWebBuilt();
run('vitest', process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)]);
run('playwright (e2e)', process.execPath, [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test']);
