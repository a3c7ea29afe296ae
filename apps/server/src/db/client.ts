import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { pgliteOptions } from './pglite-options.js';
import { PgliteThread, type PreparedParam } from './pglite-thread-client';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either the database or a transaction: what repository functions take. */
export type DbOrTx = Db | Tx;

/** PGlite in this thread (building test templates) or on its own thread (the server). */
export type PgliteClient = PGlite | PgliteThread;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** The driver underneath, for what Drizzle does not cover (migrations, raw statements). */
  readonly pglite?: PgliteClient;
  readonly pool?: pg.Pool;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  /** Embedded mode: PGlite files live in <dataDir>/pglite. */
  dataDir?: string;
  /** Embedded mode without a data dir: start from this dumped data dir (tests). */
  templateFile?: string;
  poolSize?: number;
  /** A PGlite instance made elsewhere, used in this thread (building test templates). */
  pglite?: PGlite;
}

export function openPglite(dataDir?: string, loadDataDir?: Blob): PGlite {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return new PGlite(pgliteOptions(dataDir, loadDataDir));
}

// PostgreSQL returns bigint (int8) as text by default; counts and sequences here fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle client's error (server restart) would otherwise crash the process.
    pool.on('error', () => undefined);
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      pool,
      ping: async () => void (await pool.query('select 1')),
      close: async () => {
        if (!pool.ended) await pool.end();
      },
    };
  }
  const dataDir = opts.dataDir ? path.join(opts.dataDir, 'pglite') : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client: PgliteClient = opts.pglite ?? new PgliteThread({ dataDir, templateFile: opts.templateFile });
  await client.waitReady;
  // The thread client speaks the part of PGlite's API that Drizzle calls.
  const db = drizzlePglite(client as PGlite, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite: client,
    ping: async () => void (await client.query('select 1')),
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

/** Whether this database has pgvector (PGlite always does; PostgreSQL only when installed). */
export async function hasPgvector(db: DbOrTx): Promise<boolean> {
  const rows = await queryRows<{ ok: boolean }>(db, sql`select exists (select 1 from pg_extension where extname = 'vector') as ok`);
  return Boolean(rows[0]?.ok);
}

/**
 * Rows, as arrays, of a fixed hot-path statement prepared once per session
 * under `name`: pg prepares it on each pooled connection, the PGlite thread
 * in its session; an in-process PGlite (migrations, templates) runs it
 * plainly. For statements whose cost is near the cost of calling them:
 * Drizzle's builder, and parsing and planning on every call, would cost
 * more than running them. Numbers and booleans come back as such (int8
 * too, for counts and seqs: pg is set so above, PGlite does so below 2^53),
 * other types as the driver gives them. Outside transactions only.
 */
export async function preparedQuery(db: Db, name: string, text: string, params: PreparedParam[]): Promise<unknown[][]> {
  const client = (db as unknown as { $client: PgliteClient | pg.Pool }).$client;
  if (client instanceof pg.Pool) return (await client.query({ name, text, values: params, rowMode: 'array' })).rows;
  if (client instanceof PgliteThread) return client.queryPrepared(name, text, params);
  return (await client.query<unknown[]>(text, params, { rowMode: 'array' })).rows;
}

/** Rows of a raw SQL query, whichever driver ran it (both return `{ rows }`). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
