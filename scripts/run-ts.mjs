// Runs a TypeScript entry point (benchmarks, evaluations) with tsx's loader.
// --expose-gc: benchmarks collect garbage before reading memory figures.
// The environment is the server's (server-env.mjs), so a benchmark's server,
// and every process it forks, runs as `npm start` would run it.
import { spawn } from 'node:child_process';
import { serverProcessEnv } from './server-env.mjs';

const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', ...process.argv.slice(2)], { env: serverProcessEnv(), stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
