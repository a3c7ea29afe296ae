import { and, asc, count, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { type ConversationRow } from '../repository/conversations';
import { type MessageRow, messageColumns } from '../repository/messages';
import { conversations, messageEdits, messages } from '../schema';

/** Reads for exports: whole conversations, page by page, in seq order. */

export function listExportConversations(db: DbOrTx, workspaceId: string, conversationId?: string): Promise<ConversationRow[]> {
  return db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), conversationId ? eq(conversations.id, conversationId) : undefined))
    .orderBy(asc(conversations.kind), asc(conversations.name), asc(conversations.createdAt), asc(conversations.id));
}

/** Top-level messages (thread roots and plain messages) after a seq. */
export function pageRootMessages(db: DbOrTx, conversationId: string, afterSeq: number, limit: number): Promise<MessageRow[]> {
  return db
    .select(messageColumns)
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), isNull(messages.threadRootId), gt(messages.seq, afterSeq)))
    .orderBy(asc(messages.seq))
    .limit(limit);
}

export function listRepliesOf(db: DbOrTx, rootIds: string[]): Promise<MessageRow[]> {
  if (rootIds.length === 0) return Promise.resolve([]);
  return db.select(messageColumns).from(messages).where(inArray(messages.threadRootId, rootIds)).orderBy(asc(messages.seq));
}

export type EditRow = typeof messageEdits.$inferSelect;

export function listEditsOf(db: DbOrTx, messageIds: string[]): Promise<EditRow[]> {
  if (messageIds.length === 0) return Promise.resolve([]);
  return db.select().from(messageEdits).where(inArray(messageEdits.messageId, messageIds)).orderBy(asc(messageEdits.id));
}

export async function countExportMessages(db: DbOrTx, workspaceId: string, conversationId?: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(messages)
    .where(and(eq(messages.workspaceId, workspaceId), conversationId ? eq(messages.conversationId, conversationId) : undefined));
  return Number(row?.n ?? 0);
}
