// Runs a TypeScript entry point (benchmarks, evaluations) with tsx's loader.
// --expose-gc: benchmarks collect garbage before reading memory figures.
import { spawn } from 'node:child_process';

const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));
