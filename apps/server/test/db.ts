import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../src/db/client';
import './provided-context';
import { withDatabase } from './template';

export interface TestDatabase {
  database: Database;
  /** The connection string when on PostgreSQL (for a second node in the same test). */
  url?: string;
  drop(): Promise<void>;
}

export async function createPgliteTestDatabase(): Promise<TestDatabase> {
  const database = await openDatabase({ templateFile: inject('pgliteTemplate') });
  return { database, drop: () => database.close() };
}

export async function createPostgresTestDatabase(baseUrl: string, poolSize = 10): Promise<TestDatabase> {
  const template = inject('postgresTemplate');
  if (!template) throw new Error('no PostgreSQL template: DATABASE_URL was not set for the global setup');
  const name = `aio_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database "${name}" template "${template}"`);
  await admin.end();
  const url = withDatabase(baseUrl, name);
  const database = await openDatabase({ databaseUrl: url, poolSize });
  return {
    database,
    url,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

/**
 * A fresh, migrated database for one test: PostgreSQL when DATABASE_URL is set
 * (the CI's second pass), PGlite otherwise.
 */
export function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  return url ? createPostgresTestDatabase(url) : createPgliteTestDatabase();
}
