import { sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../../db/client';
import type { MentionRow, NewMessageRow } from './message-writes';

/** A mention of the i-th message of the batch (1-based), before its seq is known. */
export interface BatchMention {
  index: number;
  kind: MentionRow['kind'];
  userId: string | null;
}

export interface FusedOutcome {
  /** 1-based position in the batch. */
  ord: number;
  seq: number;
  inserted: boolean;
}

const array = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

/**
 * Writes a batch of thread-free messages of one workspace in ONE statement,
 * the database function insert_message_batch (migration 0005): the seqs,
 * the messages (skipping client ids stored before), their mentions, the
 * conversations' last message and one event per message. One statement is
 * one autocommit transaction, so the sequence row lock is held until every
 * row is in; on PGlite it saves the round trips a flush otherwise costs,
 * each of them parsed, planned and run in WASM.
 *
 * A message skipped as a duplicate still uses its seq, with a `noop` event,
 * so the event log has no gap for the realtime stream to wait on.
 */
export async function insertMessageBatch(
  db: DbOrTx,
  workspaceId: string,
  rows: NewMessageRow[],
  mentions: BatchMention[],
  payloads: string[],
): Promise<FusedOutcome[]> {
  const of = <T>(pick: (r: NewMessageRow) => T, type: string) => array(rows.map(pick), type);
  const written = await queryRows<{ ord: number; seq: string | number; inserted: boolean }>(
    db,
    sql`select ord, seq, inserted from insert_message_batch(${workspaceId},
      ${of((r) => r.id, 'text')}, ${of((r) => r.conversationId, 'text')}, ${of((r) => r.clientId, 'text')}, ${of((r) => r.authorId, 'text')},
      ${of((r) => r.body, 'text')}, ${of((r) => JSON.stringify(r.entities), 'text')}, ${of((r) => r.hasLink, 'boolean')}, ${array(payloads, 'text')},
      ${array(mentions.map((m) => m.index), 'int')}, ${array(mentions.map((m) => m.kind), 'text')}, ${array(mentions.map((m) => m.userId), 'text')},
      ${rows[0]!.createdAt.toISOString()}::timestamptz)`,
  );
  return written.map((w) => ({ ord: w.ord, seq: Number(w.seq), inserted: w.inserted }));
}
