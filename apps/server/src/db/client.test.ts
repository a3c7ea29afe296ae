import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { hasPgvector, openDatabase, openPglite, preparedQuery, queryRows } from './client';

describe('database', () => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.drop());

  it('gives each test a migrated database of its own', async () => {
    t = await createTestDatabase();
    const rows = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from workspaces`);
    expect(rows[0]?.n).toBe(0);
    const trgm = await queryRows<{ s: number }>(t.database.db, sql`select similarity('hello', 'helo') as s`);
    expect(Number(trgm[0]?.s)).toBeGreaterThan(0.5);
  });

  it('has pgvector on PGlite and says so truthfully on PostgreSQL', async () => {
    t = await createTestDatabase();
    const present = await hasPgvector(t.database.db);
    if (t.database.kind === 'pglite') expect(present).toBe(true);
    else expect(typeof present).toBe('boolean');
  });

  it('starts PGlite, on its thread and in this one, without zero-filling new WAL segments', async () => {
    const show = async (db: Parameters<typeof queryRows>[0]) => (await queryRows<{ wal_init_zero: string }>(db, sql`show wal_init_zero`))[0]?.wal_init_zero;
    // Both in memory, whatever database the suite runs on: the setting is PGlite's own.
    for (const open of [() => openDatabase({}), () => openDatabase({ pglite: openPglite() })]) {
      const database = await open();
      try {
        expect(await show(database.db)).toBe('off');
      } finally {
        await database.close();
      }
    }
  });
});

describe('prepared statements', () => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.drop());
  const PROBE = 'select $1::int as i, $2::bigint as b, $3::boolean as ok, $4::text as s, $5::text as missing, $6::timestamptz as at';
  const at = new Date('2026-11-30T10:00:00.000Z');
  /** The probe's row for these first five parameters (and `at`): every driver gives back the same values. */
  function expectProbeRow(row: unknown[] | undefined, first: unknown[]) {
    expect(row!.slice(0, 5)).toEqual(first);
    expect(new Date(row![5] as string | Date).getTime()).toBe(at.getTime());
  }

  it('return numbers, booleans, text and nulls the same way on every call', async () => {
    t = await createTestDatabase();
    for (let call = 0; call < 3; call++) {
      const first: Array<string | number | boolean | null> = [7 + call, 9007199254740, call % 2 === 0, 'héllo\n"x"', null];
      const [row] = await preparedQuery(t.database.db, 'probe', PROBE, [...first, at]);
      expectProbeRow(row, first);
    }
  });

  it('gives the same rows on an in-process PGlite (migrations and templates use one)', async () => {
    const database = await openDatabase({ pglite: openPglite() });
    try {
      const [row] = await preparedQuery(database.db, 'probe', PROBE, [7, 9007199254740, true, 'héllo', null, at]);
      expectProbeRow(row, [7, 9007199254740, true, 'héllo', null]);
    } finally {
      await database.close();
    }
  });

  it('reports a failed statement with its code and leaves the session usable', async () => {
    t = await createTestDatabase();
    const divide = 'select 1 / $1::int as q';
    await expect(preparedQuery(t.database.db, 'divide', divide, [0])).rejects.toMatchObject({ code: '22012', message: expect.stringMatching(/division by zero/) });
    expect(await preparedQuery(t.database.db, 'divide', divide, [1])).toEqual([[1]]);
    await expect(preparedQuery(t.database.db, 'broken', 'select nope from nowhere', [])).rejects.toMatchObject({ code: '42P01' });
    const rows = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from workspaces`);
    expect(rows[0]?.n).toBe(0);
  });
});
