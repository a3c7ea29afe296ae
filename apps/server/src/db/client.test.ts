import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { hasPgvector } from './client';

describe('database', () => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.drop());

  it('gives each test a migrated database of its own', async () => {
    t = await createTestDatabase();
    const rows = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from workspaces`);
    expect(rows.rows[0]?.n).toBe(0);
    const trgm = await t.database.db.execute<{ s: number }>(sql`select similarity('hello', 'helo') as s`);
    expect(Number(trgm.rows[0]?.s)).toBeGreaterThan(0.5);
  });

  it('has pgvector on PGlite and says so truthfully on PostgreSQL', async () => {
    t = await createTestDatabase();
    const present = await hasPgvector(t.database.db);
    if (t.database.kind === 'pglite') expect(present).toBe(true);
    else expect(typeof present).toBe('boolean');
  });
});
