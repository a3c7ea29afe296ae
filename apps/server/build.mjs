// Bundles the server's own code (and the workspace's @aio/* packages) into
// dist/; npm dependencies stay external and load from node_modules.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const workspacePackages = {
  name: 'workspace-packages',
  setup(b) {
    b.onResolve({ filter: /^@aio\/contracts$/ }, () => ({
      path: path.resolve(here, '../../packages/contracts/src/index.ts'),
    }));
  },
};

// Old chunks would otherwise pile up beside the new ones.
rmSync(path.join(here, 'dist'), { recursive: true, force: true });

await build({
  entryPoints: {
    main: path.join(here, 'src/main.ts'),
    cli: path.join(here, 'src/cli.ts'),
    // Loaded by URL as a worker (db/pglite-thread-client.ts), so it must sit beside the chunks.
    'pglite-thread': path.join(here, 'src/db/pglite-thread.js'),
  },
  outdir: path.join(here, 'dist'),
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  plugins: [workspacePackages],
  sourcemap: true,
  logLevel: 'warning',
});
