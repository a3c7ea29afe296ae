import { type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, hasPgvector } from '../db/client';

/**
 * Embeddings live in a pgvector `vector` column where the extension is
 * installed (always in PGlite) and in a `real[]` column otherwise (Debian's
 * PostgreSQL ships without it). Similarity is exact in the array mode:
 * aio_cosine_distance (migration 0002) means the same as pgvector's <=>.
 */
export type VectorMode = 'pgvector' | 'array';

export async function detectVectorMode(db: DbOrTx): Promise<VectorMode> {
  return (await hasPgvector(db)) ? 'pgvector' : 'array';
}

/** The column type a migration should use for embeddings in this mode. */
export function vectorColumnType(mode: VectorMode): SQL {
  return mode === 'pgvector' ? sql.raw('vector') : sql.raw('real[]');
}

function assertFinite(v: number[]): void {
  if (v.length === 0 || !v.every(Number.isFinite)) throw new Error('a vector needs at least one finite number');
}

/** A vector as a bound parameter cast to the column's type. */
export function vectorParam(mode: VectorMode, v: number[]): SQL {
  assertFinite(v);
  return mode === 'pgvector' ? sql`${`[${v.join(',')}]`}::vector` : sql`${`{${v.join(',')}}`}::real[]`;
}

/** Cosine distance (0 = same direction, 2 = opposite) between a column and a query vector. */
export function cosineDistance(mode: VectorMode, column: SQL, query: number[]): SQL<number> {
  const q = vectorParam(mode, query);
  return mode === 'pgvector' ? sql<number>`(${column} <=> ${q})` : sql<number>`aio_cosine_distance(${column}, ${q})`;
}
