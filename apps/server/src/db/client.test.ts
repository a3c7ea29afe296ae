import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { hasPgvector, queryRows } from './client';

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
});
