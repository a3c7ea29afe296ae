import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../apps/server/src/app';
import { loadConfig } from '../../apps/server/src/config';
import { prepareServer } from '../../apps/server/src/prepare-server';

export interface BenchApp {
  app: FastifyInstance;
  url: string;
  dbLabel: string;
  stop(): Promise<void>;
}

async function freshPostgres(baseUrl: string) {
  const name = `aio_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

/**
 * The real product in this process, on the configured database: a fresh
 * PGlite data dir by default, a fresh PostgreSQL database when DATABASE_URL is
 * set (and Redis when REDIS_URL is set), listening on a free loopback port.
 */
export async function startProduct(env: Record<string, string> = {}): Promise<BenchApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aio-bench-'));
  const pgdb = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : undefined;
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DEMO_SEED: 'false',
    PUBLIC_URL: 'http://127.0.0.1:3999',
    RATE_LIMIT_AUTH_PER_MIN: '100000',
    ...(pgdb ? { DATABASE_URL: pgdb.url, APP_SECRET: randomBytes(32).toString('hex'), ENCRYPTION_KEY: randomBytes(32).toString('hex') } : {}),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: `aiobench-${randomBytes(3).toString('hex')}` } : {}),
    ...env,
  });
  const database = await prepareServer(config);
  const app = await buildApp({ config, database, webDist: null });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    dbLabel: database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL',
    async stop() {
      await app.close();
      await pgdb?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
