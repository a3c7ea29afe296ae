import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type BuildAppOptions, buildApp } from '../src/app';
import { type Config, loadConfig } from '../src/config';
import { TestClient, type TestClientOptions } from './client';
import { createTestDatabase, type TestDatabase } from './db';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  dataDir: string;
  testDb: TestDatabase;
  /** A client with its own cookie jar that behaves like a same-origin browser by default. */
  client(opts?: TestClientOptions): TestClient;
  close(): Promise<void>;
}

/** Environment of a test server: fresh data dir, fresh database, fresh Redis namespace. */
export function testEnv(dataDir: string, overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    APP_SECRET: 'test-app-secret-that-is-long-enough-0123456789',
    ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    PUBLIC_URL: 'http://localhost:3000',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: `aiot-${randomBytes(4).toString('hex')}`,
    DEMO_SEED: 'false',
    ...overrides,
  };
}

export async function createTestApp(env: Record<string, string | undefined> = {}, build: Pick<BuildAppOptions, 'realtime'> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aio-test-'));
  const testDb = await createTestDatabase();
  const config = loadConfig(testEnv(dataDir, { DATABASE_URL: testDb.url, ...env }));
  const app = await buildApp({ config, database: testDb.database, webDist: null, ...build });
  await app.ready();
  return {
    app,
    config,
    dataDir,
    testDb,
    client: (opts) => new TestClient(app, config.publicUrl, opts),
    async close() {
      await app.close();
      if (testDb.url) await testDb.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
