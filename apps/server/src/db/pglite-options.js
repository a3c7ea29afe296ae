// How PGlite is started, on the database thread (pglite-thread.js) and in
// this thread (client.ts). Plain JavaScript so that the worker loads it as it
// is, like pglite-thread.js itself.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { vector } from '@electric-sql/pglite-pgvector';

/**
 * PGlite runs PostgreSQL in single-user mode: no checkpointer recycles old
 * WAL segments and no background process creates the next one, so the commit
 * that fills a 16 MB segment creates the next file itself. With
 * `wal_init_zero` on (PostgreSQL's default) it first writes 16 MB of zeros
 * through PGlite's file system layer: 60-80 ms in which the database thread
 * runs nothing else: every 13 s at 500 messages a second, the latency spikes
 * of the fan-out benchmark's phase 1 (docs/benchmarks.md, session of
 * 2026-12-02). Off, the file gets its full size from one byte written at its
 * end. Zeroing buys early allocation of disk space; without it a full disk
 * shows at a WAL write instead of at the segment's creation, and PostgreSQL
 * stops either way.
 */
const startParams = [...PGlite.defaultStartParams, '-c', 'wal_init_zero=off'];

/** PGlite's constructor options: files in `dataDir` (memory when absent), optionally starting from a dumped data dir. */
export function pgliteOptions(dataDir, loadDataDir) {
  return { dataDir, extensions: { vector, pg_trgm }, loadDataDir, startParams };
}
