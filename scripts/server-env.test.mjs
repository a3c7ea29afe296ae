import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { serverProcessEnv } from './server-env.mjs';

describe('the server process environment', () => {
  it('caps glibc at two malloc arenas unless the operator chose a value, and keeps the rest', () => {
    expect(serverProcessEnv({ PORT: '3000' })).toEqual({ PORT: '3000', MALLOC_ARENA_MAX: '2' });
    expect(serverProcessEnv({ MALLOC_ARENA_MAX: '8' }).MALLOC_ARENA_MAX).toBe('8');
  });

  it('reaches a child process started with it', () => {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(process.env.MALLOC_ARENA_MAX ?? "")'], { env: serverProcessEnv({ PATH: process.env.PATH }) });
    expect(child.stdout.toString()).toBe('2');
  });
});
