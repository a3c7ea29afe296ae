import { type Db, preparedQuery } from '../../../db/client';
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

export const INSERT_MESSAGE_BATCH = 'select ord, seq, inserted from insert_message_batch($1, $2::jsonb, $3::jsonb, $4::timestamptz)';

/**
 * Writes a batch of thread-free messages of one workspace in ONE statement,
 * the database function insert_message_batch (migration 0005), which takes
 * the batch as one JSON document (`payloads[i]` is the i-th message's
 * message.created payload, its seq filled in there): the seqs,
 * the messages (skipping client ids stored before), their mentions, the
 * conversations' last message and one event per message. One statement is
 * one autocommit transaction, so the sequence row lock is held until every
 * row is in; on PGlite it saves the round trips a flush otherwise costs,
 * each of them parsed, planned and run in WASM. The statement is prepared
 * once per database session (`preparedQuery`), so a call is not parsed
 * and planned again (`npm run bench -- write-call`).
 *
 * A message skipped as a duplicate still uses its seq, with a `noop` event,
 * so the event log has no gap for the realtime stream to wait on.
 */
export async function insertMessageBatch(
  db: Db,
  workspaceId: string,
  rows: NewMessageRow[],
  mentions: BatchMention[],
  payloads: object[],
): Promise<FusedOutcome[]> {
  const written = await preparedQuery(db, 'insert_message_batch', INSERT_MESSAGE_BATCH, insertMessageBatchParams(workspaceId, rows, mentions, payloads));
  return written.map(([ord, seq, inserted]) => ({ ord: ord as number, seq: seq as number, inserted: inserted as boolean }));
}

/** The statement's parameters: the batch and its mentions as one JSON document each. */
export function insertMessageBatchParams(workspaceId: string, rows: NewMessageRow[], mentions: BatchMention[], payloads: object[]): string[] {
  const batch = rows.map((r, i) => ({
    id: r.id,
    conversation_id: r.conversationId,
    client_id: r.clientId,
    author_id: r.authorId,
    body: r.body,
    entities: r.entities,
    has_link: r.hasLink,
    payload: payloads[i],
  }));
  const mentioned = mentions.map((m) => ({ ord: m.index, kind: m.kind, user_id: m.userId }));
  return [workspaceId, JSON.stringify(batch), JSON.stringify(mentioned), rows[0]!.createdAt.toISOString()];
}
