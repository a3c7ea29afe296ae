import type { MessagesQuery } from '@aio/contracts';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { existsBySeq, type MessageRow, selectBySeq } from '../repository/messages';

export interface RowsPage {
  /** Oldest first. */
  rows: MessageRow[];
  hasMoreBefore: boolean;
  hasMoreAfter: boolean;
}

/** Reads one more than asked: whether it came back says if there is more that way. */
async function older(db: DbOrTx, scope: SQL, beforeSeq: number | undefined, limit: number) {
  const rows = await selectBySeq(db, scope, beforeSeq === undefined ? undefined : { op: 'lt', seq: beforeSeq }, 'desc', limit + 1);
  return { rows: rows.slice(0, limit).reverse(), more: rows.length > limit };
}

async function newer(db: DbOrTx, scope: SQL, bound: { op: 'gt' | 'gte'; seq: number }, limit: number) {
  const rows = await selectBySeq(db, scope, bound, 'asc', limit + 1);
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

/**
 * A page of messages by seq: the newest (no cursor), older than `before`,
 * newer than `after`, or around `around` (that message and the ones next to
 * it, half on each side). Seqs are unique, so pages never overlap or skip.
 */
export async function pageBySeq(db: DbOrTx, scope: SQL, q: MessagesQuery): Promise<RowsPage> {
  if (q.around !== undefined) {
    const half = Math.floor(q.limit / 2);
    const [before, after] = await Promise.all([older(db, scope, q.around, half), newer(db, scope, { op: 'gte', seq: q.around }, q.limit - half)]);
    return { rows: [...before.rows, ...after.rows], hasMoreBefore: before.more, hasMoreAfter: after.more };
  }
  if (q.after !== undefined) {
    const after = await newer(db, scope, { op: 'gt', seq: q.after }, q.limit);
    const first = after.rows[0]?.seq ?? q.after + 1;
    return { rows: after.rows, hasMoreBefore: await existsBySeq(db, scope, { op: 'lt', seq: first }), hasMoreAfter: after.more };
  }
  const before = await older(db, scope, q.before, q.limit);
  if (q.before === undefined) return { rows: before.rows, hasMoreBefore: before.more, hasMoreAfter: false };
  const last = before.rows.at(-1)?.seq ?? q.before - 1;
  return { rows: before.rows, hasMoreBefore: before.more, hasMoreAfter: await existsBySeq(db, scope, { op: 'gt', seq: last }) };
}
