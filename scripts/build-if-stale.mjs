// Builds the server and the web app when their output is missing or older
// than their sources, so `npm start` and `npx aio` work on a fresh clone.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(file) {
  if (!existsSync(file)) return 0;
  if (!statSync(file).isDirectory()) return statSync(file).mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(file, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(file, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function isStale(output, sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((s) => newestMtime(path.join(root, s)) > built);
}

function run(label, args, quiet) {
  if (!quiet) process.stdout.write(`building ${label}…\n`);
  const result = spawnSync('npm', args, { cwd: root, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
  if (result.status !== 0) throw new Error(`building ${label} failed`);
}

export async function ensureServerBuilt({ quiet = false } = {}) {
  const output = path.join(root, 'apps/server/dist/main.js');
  if (isStale(output, ['apps/server/src', 'packages/contracts/src'])) run('the server', ['run', 'build', '-w', '@aio/server'], quiet);
}

export async function ensureWebBuilt({ quiet = false } = {}) {
  const output = path.join(root, 'apps/web/dist/index.html');
  if (isStale(output, ['apps/web/src', 'apps/web/index.html', 'packages/contracts/src'])) run('the web app', ['run', 'build', '-w', '@aio/web'], quiet);
}
