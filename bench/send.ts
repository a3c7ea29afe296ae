import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createUserWithPassword } from '../apps/server/src/modules/auth/index';
import { createWorkspace } from '../apps/server/src/modules/workspaces/index';
import type { Database } from '../apps/server/src/db/client';
import { runLoad } from './lib/http-load';
import { type BenchApp, startProduct } from './lib/product';
import { log, percentiles, printTable, round } from './lib/stats';

const CONCURRENCY = 32;
const SECONDS = 10;

async function signIn(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:3999' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function seed(product: BenchApp) {
  const owner = await createUserWithPassword(product.app.auth, { email: 'send-bench@example.com', password: 'bench-password-1', name: 'Sender' });
  const ws = await createWorkspace({ ...product.app.deps, actor: { userId: owner.id, ip: null, via: 'system' } }, { name: 'Send bench' });
  const cookie = await signIn(product.url, 'send-bench@example.com', 'bench-password-1');
  const headers = { cookie, origin: 'http://127.0.0.1:3999' };
  const res = await fetch(`${product.url}/api/v1/workspaces/${ws.id}/conversations`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'channel', name: 'send-bench' }),
  });
  if (res.status !== 201) throw new Error(`creating the channel: ${res.status} ${await res.text()}`);
  const channel = (await res.json()) as { id: string };
  return { workspaceId: ws.id, conversationId: channel.id, userId: owner.id, headers };
}

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
    const ids = await seed(product);
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
