import type { Config } from './config';
import { type Database, openDatabase } from './db/client';
import { migrateDatabase } from './db/migrate';
import { applyHeapGrowth } from './platform/heap-growth';

/**
 * What a server process does before it builds the app: its process-wide
 * runtime settings, then its database opened and migrated. `main.ts` and the
 * benchmarks' product server start this way, so what is measured is what
 * runs. CLI commands are not servers and open their database themselves.
 */
export async function prepareServer(config: Config): Promise<Database> {
  applyHeapGrowth(config.heapGrowthPercent);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  await migrateDatabase(database);
  return database;
}
