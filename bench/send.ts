import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../apps/server/src/db/client';
import { runLoad } from './lib/http-load';
import { seedChannel } from './lib/channel';
import { startProduct } from './lib/product';
import { log, percentiles, printTable, round } from './lib/stats';

const CONCURRENCY = 32;
const SECONDS = 10;

/**
 * The baseline: the same rows written with one plain INSERT each (autocommit),
 * as fast as the driver allows — PGlite one at a time (one session), PostgreSQL
 * over the pool with the same concurrency as the HTTP load.
 */
async function rawInserts(database: Database, ids: { workspaceId: string; conversationId: string; userId: string }): Promise<{ count: number; elapsedS: number; latenciesMs: number[] }> {
  const deadline = performance.now() + SECONDS * 1000;
  const start = performance.now();
  let n = 0;
  const latenciesMs: number[] = [];
  const insertOne = async () => {
    const i = ++n;
    const t0 = performance.now();
    await database.db.execute(sql`insert into messages (id, workspace_id, conversation_id, seq, client_id, author_type, author_id, body, entities)
      values (${randomUUID()}, ${ids.workspaceId}, ${ids.conversationId}, ${1_000_000_000 + i}, ${`raw-${i}`}, 'member', ${ids.userId}, ${`raw insert ${i}`}, '{"mentions":[],"links":[]}')`);
    latenciesMs.push(performance.now() - t0);
  };
  const lanes = database.kind === 'pglite' ? 1 : CONCURRENCY;
  await Promise.all(Array.from({ length: lanes }, async () => {
    while (performance.now() < deadline) await insertOne();
  }));
  return { count: latenciesMs.length, elapsedS: (performance.now() - start) / 1000, latenciesMs };
}

export async function run(): Promise<void> {
  const product = await startProduct();
  try {
    const ids = await seedChannel(product, 'send-bench');
    log(`HTTP sends: ${CONCURRENCY} concurrent for ${SECONDS} s on ${product.dbLabel}…`);
    const http = await runLoad({
      url: `${product.url}/api/v1/workspaces/${ids.workspaceId}/conversations/${ids.conversationId}/messages`,
      headers: ids.headers,
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      bodyTemplate: JSON.stringify({ clientId: 'c-$ID', body: 'Hello @channel, the deploy of https://example.com/build/$ID is **done**' }),
    });
    if (http.failed > 0) log(`HTTP statuses: ${JSON.stringify(http.statuses)}`);
    log(`raw INSERTs for ${SECONDS} s…`);
    const raw = await rawInserts(product.app.deps.database, ids);
    const httpPerS = http.ok / http.elapsedS;
    const rawPerS = raw.count / raw.elapsedS;
    const [hp50, hp99] = percentiles(http.latenciesMs, [50, 99]);
    const [rp50, rp99] = percentiles(raw.latenciesMs, [50, 99]);
    printTable(`send: persisted messages per second (${product.dbLabel})`, [
      { path: 'HTTP POST …/messages (auth, policy, entities, events, fan-out)', rows: http.ok, 'per s': round(httpPerS, 0), 'p50 ms': round(hp50!), 'p99 ms': round(hp99!) },
      { path: 'raw INSERT, one per row', rows: raw.count, 'per s': round(rawPerS, 0), 'p50 ms': round(rp50!), 'p99 ms': round(rp99!) },
    ]);
    process.stdout.write(`\nsend: per_s=${round(httpPerS, 0)} ratio_vs_insert=${round(httpPerS / rawPerS, 3)}\n`);
  } finally {
    await product.stop();
  }
}
