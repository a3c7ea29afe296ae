import { and, asc, desc, eq, getTableColumns, gt, gte, inArray, isNotNull, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { messageEdits, messages } from '../schema';

// The generated search vector stays in the database: no reader needs it.
const { search: _search, ...columns } = getTableColumns(messages);
export const messageColumns = columns;
export type MessageRow = Omit<typeof messages.$inferSelect, 'search'>;

export async function findMessage(db: DbOrTx, workspaceId: string, id: string): Promise<MessageRow | undefined> {
  const [row] = await db
    .select(messageColumns)
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, id)));
  return row;
}

/** Locks the message until the transaction ends (edits, deletes and reactions of one message run one at a time). */
export async function findMessageForUpdate(tx: DbOrTx, workspaceId: string, id: string): Promise<MessageRow | undefined> {
  const [row] = await tx
    .select(messageColumns)
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, id)))
    .for('update');
  return row;
}

export function findMessagesByIds(db: DbOrTx, ids: string[]): Promise<MessageRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select(messageColumns).from(messages).where(inArray(messages.id, ids));
}

export interface ClientKey {
  conversationId: string;
  authorId: string;
  clientId: string;
}

const anyOf = (values: string[]) => sql`any(${sql.param([...new Set(values)])}::text[])`;

/** Messages already sent under these client ids (an idempotent send returns them instead of inserting). */
export async function findByClientKeys(db: DbOrTx, keys: ClientKey[]): Promise<MessageRow[]> {
  if (keys.length === 0) return [];
  // All three columns of messages_client_id_idx, so the lookup stays an index probe in a long history;
  // array parameters keep a 200-key batch at three parameters.
  const rows = await db
    .select(messageColumns)
    .from(messages)
    .where(
      and(
        sql`${messages.conversationId} = ${anyOf(keys.map((k) => k.conversationId))}`,
        sql`${messages.authorId} = ${anyOf(keys.map((k) => k.authorId))}`,
        sql`${messages.clientId} = ${anyOf(keys.map((k) => k.clientId))}`,
        isNotNull(messages.clientId),
      ),
    );
  const wanted = new Set(keys.map(clientKeyOf));
  return rows.filter((r) => r.clientId !== null && r.authorId !== null && wanted.has(clientKeyOfRow(r)));
}

export const clientKeyOf = (k: ClientKey) => `${k.conversationId}\u0000${k.authorId}\u0000${k.clientId}`;
export const clientKeyOfRow = (r: MessageRow) => clientKeyOf({ conversationId: r.conversationId, authorId: r.authorId ?? '', clientId: r.clientId ?? '' });

/** The channel's own timeline: top-level messages and thread replies also sent to the channel. */
export function timelineScope(conversationId: string): SQL {
  return and(eq(messages.conversationId, conversationId), or(isNull(messages.threadRootId), eq(messages.alsoInChannel, true)))!;
}

export function threadScope(rootId: string): SQL {
  return eq(messages.threadRootId, rootId);
}

export type SeqBound = { op: 'lt' | 'lte' | 'gt' | 'gte'; seq: number };
const boundOps = { lt, lte, gt, gte };

function boundedScope(scope: SQL, bound?: SeqBound): SQL {
  return bound ? and(scope, boundOps[bound.op](messages.seq, bound.seq))! : scope;
}

export function selectBySeq(db: DbOrTx, scope: SQL, bound: SeqBound | undefined, order: 'asc' | 'desc', limit: number): Promise<MessageRow[]> {
  return db
    .select(messageColumns)
    .from(messages)
    .where(boundedScope(scope, bound))
    .orderBy(order === 'asc' ? asc(messages.seq) : desc(messages.seq))
    .limit(limit);
}

export async function existsBySeq(db: DbOrTx, scope: SQL, bound: SeqBound): Promise<boolean> {
  const [row] = await db.select({ one: sql<number>`1` }).from(messages).where(boundedScope(scope, bound)).limit(1);
  return row !== undefined;
}

export function listEdits(db: DbOrTx, messageId: string) {
  return db.select().from(messageEdits).where(eq(messageEdits.messageId, messageId)).orderBy(asc(messageEdits.id));
}
