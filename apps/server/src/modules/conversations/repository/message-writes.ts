import { type MessageEntities } from '@aio/contracts';
import { eq, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../../db/client';
import { messageEdits, messageMentions, messages } from '../schema';
import { type MessageRow, messageColumns } from './messages';

export type MentionRow = typeof messageMentions.$inferInsert;

/** A message as the bulk insert writes it; the thread columns start at their defaults. */
export interface NewMessageRow {
  id: string;
  workspaceId: string;
  conversationId: string;
  seq: number;
  clientId: string | null;
  authorType: MessageRow['authorType'];
  authorId: string | null;
  body: string;
  entities: MessageEntities;
  threadRootId: string | null;
  alsoInChannel: boolean;
  hasLink: boolean;
  editedAt?: Date | null;
  createdAt: Date;
}

/** The stored row of a message just inserted, without reading it back. */
export function storedRow(m: NewMessageRow): MessageRow {
  return { editedAt: null, ...m, replyCount: 0, lastReplyAt: null, threadParticipants: [], deletedAt: null };
}

// One array parameter per column: a batch of 200 rows is one short statement with
// 14 parameters, which both drivers send far faster than 2,800 separate ones.
const column = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

/**
 * Inserts many messages in one statement and returns the ids it stored. A
 * client id another transaction stored first (another node, the same retry)
 * is skipped, not an error: the caller answers those with the stored message.
 */
export function insertMessages(tx: DbOrTx, rows: NewMessageRow[]): Promise<Array<{ id: string }>> {
  if (rows.length === 0) return Promise.resolve([]);
  const of = <T>(pick: (r: NewMessageRow) => T, type: string) => column(rows.map(pick), type);
  return queryRows<{ id: string }>(
    tx,
    sql`insert into messages (id, workspace_id, conversation_id, seq, client_id, author_type, author_id, body, entities,
        thread_root_id, also_in_channel, has_link, edited_at, created_at)
      select id, workspace_id, conversation_id, seq, client_id, author_type, author_id, body, entities::jsonb,
        thread_root_id, also_in_channel, has_link, edited_at, created_at
      from unnest(${of((r) => r.id, 'text')}, ${of((r) => r.workspaceId, 'text')}, ${of((r) => r.conversationId, 'text')},
        ${of((r) => r.seq, 'bigint')}, ${of((r) => r.clientId, 'text')}, ${of((r) => r.authorType, 'text')},
        ${of((r) => r.authorId, 'text')}, ${of((r) => r.body, 'text')}, ${of((r) => JSON.stringify(r.entities), 'text')},
        ${of((r) => r.threadRootId, 'text')}, ${of((r) => r.alsoInChannel, 'boolean')}, ${of((r) => r.hasLink, 'boolean')},
        ${of((r) => r.editedAt?.toISOString() ?? null, 'timestamptz')}, ${of((r) => r.createdAt.toISOString(), 'timestamptz')})
        as t(id, workspace_id, conversation_id, seq, client_id, author_type, author_id, body, entities,
          thread_root_id, also_in_channel, has_link, edited_at, created_at)
      on conflict (conversation_id, author_id, client_id) where client_id is not null do nothing
      returning id`,
  );
}

export async function insertMentions(tx: DbOrTx, rows: MentionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(
    sql`insert into message_mentions (message_id, conversation_id, workspace_id, seq, kind, user_id)
      select * from unnest(${column(rows.map((r) => r.messageId), 'text')}, ${column(rows.map((r) => r.conversationId), 'text')},
        ${column(rows.map((r) => r.workspaceId), 'text')}, ${column(rows.map((r) => r.seq), 'bigint')}, ${column(rows.map((r) => r.kind), 'text')},
        ${column(rows.map((r) => r.userId ?? null), 'text')})`,
  );
}

export async function deleteMentions(tx: DbOrTx, messageId: string): Promise<void> {
  await tx.delete(messageMentions).where(eq(messageMentions.messageId, messageId));
}

/**
 * Counts new replies into their root once per batch. Participants keep the
 * order in which they first took part.
 */
export async function bumpThreadRoot(tx: DbOrTx, rootId: string, replies: number, lastReplyAt: Date, participantIds: string[]): Promise<MessageRow> {
  const iso = lastReplyAt.toISOString();
  const [row] = await tx
    .update(messages)
    .set({
      replyCount: sql`${messages.replyCount} + ${replies}`,
      lastReplyAt: sql`greatest(coalesce(${messages.lastReplyAt}, ${iso}::timestamptz), ${iso}::timestamptz)`,
      threadParticipants: sql`array(select p from unnest(${messages.threadParticipants} || ${column(participantIds, 'text')}) with ordinality as t(p, i) group by p order by min(i))`,
    })
    .where(eq(messages.id, rootId))
    .returning(messageColumns);
  return row!;
}

export async function updateMessageBody(tx: DbOrTx, id: string, body: string, entities: MessageEntities): Promise<MessageRow> {
  const [row] = await tx
    .update(messages)
    .set({ body, entities, hasLink: entities.links.length > 0, editedAt: new Date() })
    .where(eq(messages.id, id))
    .returning(messageColumns);
  return row!;
}

export async function insertEdit(tx: DbOrTx, row: typeof messageEdits.$inferInsert): Promise<void> {
  await tx.insert(messageEdits).values(row);
}

/** Earlier versions go with a deleted message: deleting must not leave its text readable. */
export async function deleteEdits(tx: DbOrTx, messageId: string): Promise<void> {
  await tx.delete(messageEdits).where(eq(messageEdits.messageId, messageId));
}

/** A deleted message keeps its place (seq, thread) but nothing of what it said. */
export async function tombstoneMessage(tx: DbOrTx, id: string): Promise<MessageRow> {
  const [row] = await tx
    .update(messages)
    .set({ body: '', entities: { mentions: [], links: [] }, hasLink: false, deletedAt: new Date() })
    .where(eq(messages.id, id))
    .returning(messageColumns);
  return row!;
}
