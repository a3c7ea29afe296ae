import { randomUUID } from 'node:crypto';
import { INSERT_MESSAGE_BATCH, insertMessageBatch, insertMessageBatchParams } from '../apps/server/src/modules/conversations/repository/fused-send';
import type { NewMessageRow } from '../apps/server/src/modules/conversations/repository/message-writes';
import { type SeededChannel, seedChannel } from './lib/channel';
import { startProduct } from './lib/product';
import { log, percentiles, printTable, round } from './lib/stats';

const BATCH_SIZES = [1, 4, 16];
const ROUNDS = 4;
const CALLS_PER_ROUND = 400;

let sent = 0;

function batchOf(size: number, ids: SeededChannel): { rows: NewMessageRow[]; payloads: object[] } {
  const createdAt = new Date();
  const rows = Array.from({ length: size }, (): NewMessageRow => {
    sent += 1;
    return {
      id: randomUUID(),
      seq: 0,
      workspaceId: ids.workspaceId,
      conversationId: ids.conversationId,
      clientId: `write-call-${sent}`,
      authorType: 'member',
      authorId: ids.userId,
      body: `write call benchmark message ${sent}`,
      entities: { mentions: [], links: [] },
      hasLink: false,
      threadRootId: null,
      alsoInChannel: false,
      createdAt,
    };
  });
  return { rows, payloads: rows.map((r) => ({ message: { id: r.id, conversationId: r.conversationId, body: r.body, seq: 0 } })) };
}

/**
 * The baseline: the same database function called as a plain parameterised
 * query, which the driver parses and plans on every call (how the product
 * called it before it prepared the statement once per session).
 */
async function plainCall(client: { query(text: string, params: unknown[]): Promise<unknown> }, ids: SeededChannel, size: number) {
  const { rows, payloads } = batchOf(size, ids);
  await client.query(INSERT_MESSAGE_BATCH, insertMessageBatchParams(ids.workspaceId, rows, [], payloads));
}

async function timeCalls(call: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < CALLS_PER_ROUND; i++) await call();
  return (performance.now() - start) / CALLS_PER_ROUND;
}

const median = (values: number[]) => percentiles(values, [50])[0]!;

/**
 * `npm run bench -- write-call`: the cost of one call of the batch-insert
 * function that every message send goes through, prepared once per session
 * (the product) against parsed and planned on every call (baseline), with
 * batches of 1, 4 and 16 messages, in alternating rounds on one database.
 */
export async function run(): Promise<void> {
  const product = await startProduct();
  try {
    const ids = await seedChannel(product, 'write-call');
    const db = product.app.deps.db;
    const client = (db as unknown as { $client: { query(text: string, params: unknown[]): Promise<unknown> } }).$client;
    const prepared = (size: number) => () => {
      const { rows, payloads } = batchOf(size, ids);
      return insertMessageBatch(db, ids.workspaceId, rows, [], payloads);
    };
    const plain = (size: number) => () => plainCall(client, ids, size);
    log(`insert_message_batch on ${product.dbLabel}: ${ROUNDS} alternating rounds of ${CALLS_PER_ROUND} calls per batch size…`);
    for (const size of BATCH_SIZES) {
      await timeCalls(prepared(size));
      await timeCalls(plain(size));
    }
    const results = [];
    for (const size of BATCH_SIZES) {
      const ours: number[] = [];
      const base: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        ours.push(await timeCalls(prepared(size)));
        base.push(await timeCalls(plain(size)));
      }
      results.push({ size, prepared: median(ours), plain: median(base) });
    }
    printTable(`one call of insert_message_batch (${product.dbLabel}), median of ${ROUNDS} rounds`, results.map((r) => ({
      'messages per call': r.size,
      'prepared ms/call': round(r.prepared, 3),
      'plain ms/call': round(r.plain, 3),
      'prepared / plain': round(r.prepared / r.plain, 3),
    })));
    const four = results.find((r) => r.size === 4)!;
    process.stdout.write(`\nwrite-call: prepared_ms=${round(four.prepared, 3)} plain_ms=${round(four.plain, 3)} ratio_vs_plain=${round(four.prepared / four.plain, 3)}\n`);
  } finally {
    await product.stop();
  }
}
