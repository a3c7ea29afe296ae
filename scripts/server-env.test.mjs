import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serverProcessEnv } from './server-env.mjs';

describe('the server process environment', () => {
  it('caps glibc at two malloc arenas unless the operator chose a value, and keeps the rest', () => {
    expect(serverProcessEnv({ PORT: '3000' })).toEqual({ PORT: '3000', MALLOC_ARENA_MAX: '2' });
    expect(serverProcessEnv({ MALLOC_ARENA_MAX: '8' }).MALLOC_ARENA_MAX).toBe('8');
  });

  it('reaches what the benchmark runner starts, though the caller did not set it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'aio-server-env-'));
    try {
      const entry = path.join(dir, 'print-env.ts');
      writeFileSync(entry, 'process.stdout.write(process.env.MALLOC_ARENA_MAX ?? "");\n');
      const { MALLOC_ARENA_MAX: _unset, ...env } = process.env;
      const child = spawnSync(process.execPath, [path.join(import.meta.dirname, 'run-ts.mjs'), entry], { env });
      expect(child.stdout.toString()).toBe('2');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
