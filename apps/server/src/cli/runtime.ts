import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';

/**
 * The server's parts without an HTTP listener or job workers, for one CLI
 * command. Migrations run first, so a command never meets an old schema.
 */
export async function withRuntime<T>(run: (app: FastifyInstance) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  await migrateDatabase(database);
  const app = await buildApp({ config, database, webDist: null, runJobs: false });
  try {
    await app.ready();
    return await run(app);
  } finally {
    await app.close();
  }
}
