import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'aio-config-'));

function configErrorOf(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('names the variable that is wrong, in one line', () => {
    const dir = tmp();
    expect(configErrorOf({ DATA_DIR: dir, PORT: 'abc' })).toMatch(/^Invalid configuration: PORT: /);
    expect(configErrorOf({ DATA_DIR: dir, DATABASE_URL: 'mysql://x' })).toMatch(/DATABASE_URL: must be a URL like postgres:/);
    expect(configErrorOf({ DATA_DIR: dir, ENCRYPTION_KEY: 'abcd' })).toMatch(/ENCRYPTION_KEY must be 32 bytes/);
    expect(configErrorOf({ DATA_DIR: dir, REDIS_URL: 'not a url' })).toContain('REDIS_URL');
    expect(configErrorOf({ DATA_DIR: dir, APP_SECRET: 'short' })).toContain('APP_SECRET: must be at least 32 characters');
    for (const msg of [configErrorOf({ DATA_DIR: dir, PORT: '70000' })]) expect(msg.split('\n')).toHaveLength(1);
  });

  it('lets the heap double between full collections unless told otherwise', () => {
    const dir = tmp();
    expect(loadConfig({ DATA_DIR: dir }).heapGrowthPercent).toBe(100);
    expect(loadConfig({ DATA_DIR: dir, HEAP_GROWTH_PERCENT: '0' }).heapGrowthPercent).toBe(0);
    expect(configErrorOf({ DATA_DIR: dir, HEAP_GROWTH_PERCENT: '-1' })).toMatch(/^Invalid configuration: HEAP_GROWTH_PERCENT: /);
  });

  it('generates secrets for the embedded mode once and keeps them in DATA_DIR', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.appSecret).toBe(second.appSecret);
    expect(first.encryptionKey.equals(second.encryptionKey)).toBe(true);
    const file = path.join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).appSecret).toBe(first.appSecret);
  });

  it('never invents secrets for PostgreSQL, where every node must share them', () => {
    const dir = tmp();
    expect(configErrorOf({ DATA_DIR: dir, DATABASE_URL: 'postgres://u@h/db' })).toContain('APP_SECRET, ENCRYPTION_KEY must be set');
    expect(existsSync(path.join(dir, 'secrets.json'))).toBe(false);
    const key = 'a'.repeat(64);
    const ok = loadConfig({ DATA_DIR: dir, DATABASE_URL: 'postgres://u@h/db', APP_SECRET: 's'.repeat(32), ENCRYPTION_KEY: key });
    expect(ok.encryptionKey).toHaveLength(32);
    expect(ok.publicUrl).toBe('http://localhost:3000');
  });

  it('stops the server at start-up with exit code 1 and a message naming the variable', () => {
    const main = path.join(import.meta.dirname, 'main.ts');
    const result = spawnSync(process.execPath, ['--import', 'tsx', main], {
      env: { PATH: process.env.PATH, DATA_DIR: tmp(), PORT: 'abc' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(/^Invalid configuration: PORT: .+$/);
  });
});
