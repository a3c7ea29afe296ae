#!/usr/bin/env node
// `npx aio …`: runs the built CLI, building the server first when needed.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureServerBuilt } from '../../../scripts/build-if-stale.mjs';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await ensureServerBuilt({ quiet: true });
const cli = path.join(serverDir, 'dist', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('error: the server build failed (see above)\n');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
