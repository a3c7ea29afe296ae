// Bundles the server's own code (and the workspace's @aio/* packages) into
// dist/; npm dependencies stay external and load from node_modules.
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

await build({
  entryPoints: { main: path.join(here, 'src/main.ts'), cli: path.join(here, 'src/cli.ts') },
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
