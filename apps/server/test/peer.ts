import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type BuildAppOptions, buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { testEnv, type TestApp } from './app';
import { TestClient } from './client';

export interface PeerApp {
  app: FastifyInstance;
  /** A client for this node carrying the cookies of a client of the first one (sessions live in the shared database). */
  clientLike(other: TestClient): TestClient;
  close(): Promise<void>;
}

/**
 * A second node of the same installation, in the same process: the same
 * PostgreSQL database, Redis namespace and secrets, its own pool, bus and
 * gateway. Needs DATABASE_URL (PGlite cannot be shared). It runs no jobs.
 */
export async function createPeerApp(t: TestApp, build: Pick<BuildAppOptions, 'realtime'> = {}): Promise<PeerApp> {
  if (!t.testDb.url) throw new Error('a second node needs PostgreSQL (DATABASE_URL)');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'aio-peer-'));
  const config = loadConfig(
    testEnv(dataDir, { DATABASE_URL: t.testDb.url, REDIS_PREFIX: t.config.redisPrefix, ENCRYPTION_KEY: t.config.encryptionKey.toString('hex') }),
  );
  // runJobs false: the peer must not take the first node's jobs (its mails would land in the wrong outbox).
  const app = await buildApp({ config, webDist: null, runJobs: false, ...build });
  await app.ready();
  return {
    app,
    clientLike(other) {
      const client = new TestClient(app, config.publicUrl);
      for (const [name, value] of other.cookies) client.cookies.set(name, value);
      return client;
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
