import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, openPglite } from '../src/db/client';
import { migrateDatabase, migrationsFolder } from '../src/db/migrate';

/** A hash of the migrations: a template made from the same migrations is reused across runs. */
export function migrationsHash(): string {
  const folder = migrationsFolder();
  const hash = createHash('sha256');
  for (const file of readdirSync(folder).sort()) {
    if (file.endsWith('.sql')) hash.update(file).update(readFileSync(path.join(folder, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

/** Builds (once per migration set) a migrated PGlite data dir dumped to a tarball. */
export async function ensurePgliteTemplate(): Promise<string> {
  const file = path.join(os.tmpdir(), `aio-pglite-template-${migrationsHash()}.tar`);
  if (existsSync(file)) return file;
  const pglite = openPglite();
  const database = await openDatabase({ pglite });
  await migrateDatabase(database);
  const dump = await pglite.dumpDataDir('none');
  await database.close();
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, file);
  return file;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Creates (once per migration set) a migrated PostgreSQL database to clone test databases from. */
export async function ensurePostgresTemplate(databaseUrl: string): Promise<string> {
  const name = `aio_tpl_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return name;
    const building = `${name}_${process.pid}`;
    await admin.query(`drop database if exists "${building}"`);
    await admin.query(`create database "${building}"`);
    const database = await openDatabase({ databaseUrl: withDatabase(databaseUrl, building), poolSize: 2 });
    await migrateDatabase(database);
    await database.close();
    await admin.query(`alter database "${building}" rename to "${name}"`).catch(async (err) => {
      // Another run finished the same template first.
      await admin.query(`drop database if exists "${building}"`);
      if (!String(err.message).includes('already exists')) throw err;
    });
    return name;
  } finally {
    await admin.end();
  }
}
