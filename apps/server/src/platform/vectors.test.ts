import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { queryRows } from '../db/client';
import { cosineDistance, detectVectorMode, type VectorMode, vectorColumnType, vectorParam } from './vectors';

function cosine(a: number[], b: number[]) {
  const dot = a.reduce((s, x, i) => s + x * b[i]!, 0);
  const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return 1 - dot / (norm(a) * norm(b));
}

function seeded(n: number, dims: number) {
  let x = 42;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  return Array.from({ length: n }, () => Array.from({ length: dims }, rnd));
}

describe('vector similarity', () => {
  let t: TestDatabase | undefined;
  afterEach(async () => t?.drop());

  async function nearest(mode: VectorMode) {
    const db = t!.database.db;
    await db.execute(sql`create table vec_probe (id int primary key, embedding ${vectorColumnType(mode)})`);
    const vectors = seeded(200, 16);
    for (const [i, v] of vectors.entries()) {
      await db.execute(sql`insert into vec_probe values (${i}, ${vectorParam(mode, v)})`);
    }
    const query = seeded(201, 16)[200]!;
    const rows = await queryRows<{ id: number; d: number }>(
      db,
      sql`select id, ${cosineDistance(mode, sql`embedding`, query)} as d from vec_probe order by d limit 5`,
    );
    const expected = vectors.map((v, id) => ({ id, d: cosine(v, query) })).sort((a, b) => a.d - b.d).slice(0, 5);
    expect(rows.map((r) => r.id)).toEqual(expected.map((e) => e.id));
    rows.forEach((r, i) => expect(Number(r.d)).toBeCloseTo(expected[i]!.d, 4));
  }

  it('finds the exact nearest neighbours with whatever this database has (pgvector on PGlite, real[] without it)', async () => {
    t = await createTestDatabase();
    const mode = await detectVectorMode(t.database.db);
    if (t.database.kind === 'pglite') expect(mode).toBe('pgvector');
    await nearest(mode);
  });

  it('finds the same neighbours through the real[] fallback on every database', async () => {
    t = await createTestDatabase();
    await nearest('array');
  });
});
