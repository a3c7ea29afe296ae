import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { messageBookmarks, messagePins, messageReactions, threadFollows } from '../schema';

/** What people add to messages: reactions, pins, bookmarks, thread follows. */

export type ReactionRow = typeof messageReactions.$inferSelect;

/** Adds the reaction, or removes it when the user had it already; returns whether it is now there. */
export async function toggleReaction(tx: DbOrTx, row: { messageId: string; workspaceId: string; userId: string; emoji: string }): Promise<boolean> {
  const added = await tx.insert(messageReactions).values(row).onConflictDoNothing().returning({ emoji: messageReactions.emoji });
  if (added.length > 0) return true;
  await tx
    .delete(messageReactions)
    .where(and(eq(messageReactions.messageId, row.messageId), eq(messageReactions.userId, row.userId), eq(messageReactions.emoji, row.emoji)));
  return false;
}

export function listReactions(db: DbOrTx, messageIds: string[]): Promise<ReactionRow[]> {
  if (messageIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(messageReactions)
    .where(inArray(messageReactions.messageId, messageIds))
    .orderBy(asc(messageReactions.createdAt), asc(messageReactions.userId));
}

export async function clearReactions(tx: DbOrTx, messageId: string): Promise<void> {
  await tx.delete(messageReactions).where(eq(messageReactions.messageId, messageId));
}

export async function insertPin(tx: DbOrTx, row: typeof messagePins.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(messagePins).values(row).onConflictDoNothing().returning({ messageId: messagePins.messageId });
  return rows.length > 0;
}

export async function deletePin(tx: DbOrTx, conversationId: string, messageId: string): Promise<boolean> {
  const rows = await tx
    .delete(messagePins)
    .where(and(eq(messagePins.conversationId, conversationId), eq(messagePins.messageId, messageId)))
    .returning({ messageId: messagePins.messageId });
  return rows.length > 0;
}

export async function listPinnedAmong(db: DbOrTx, messageIds: string[]): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows = await db.select({ id: messagePins.messageId }).from(messagePins).where(inArray(messagePins.messageId, messageIds));
  return new Set(rows.map((r) => r.id));
}

export async function listPinIds(db: DbOrTx, conversationId: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: messagePins.messageId })
    .from(messagePins)
    .where(eq(messagePins.conversationId, conversationId))
    .orderBy(desc(messagePins.createdAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function insertBookmark(tx: DbOrTx, row: typeof messageBookmarks.$inferInsert): Promise<boolean> {
  const rows = await tx.insert(messageBookmarks).values(row).onConflictDoNothing().returning({ id: messageBookmarks.messageId });
  return rows.length > 0;
}

export async function deleteBookmark(tx: DbOrTx, userId: string, messageId: string): Promise<boolean> {
  const rows = await tx
    .delete(messageBookmarks)
    .where(and(eq(messageBookmarks.userId, userId), eq(messageBookmarks.messageId, messageId)))
    .returning({ id: messageBookmarks.messageId });
  return rows.length > 0;
}

export async function listBookmarkedAmong(db: DbOrTx, userId: string, messageIds: string[]): Promise<Set<string>> {
  if (messageIds.length === 0) return new Set();
  const rows = await db
    .select({ id: messageBookmarks.messageId })
    .from(messageBookmarks)
    .where(and(eq(messageBookmarks.userId, userId), inArray(messageBookmarks.messageId, messageIds)));
  return new Set(rows.map((r) => r.id));
}

export async function listBookmarkIds(db: DbOrTx, workspaceId: string, userId: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: messageBookmarks.messageId })
    .from(messageBookmarks)
    .where(and(eq(messageBookmarks.workspaceId, workspaceId), eq(messageBookmarks.userId, userId)))
    .orderBy(desc(messageBookmarks.createdAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function setFollow(tx: DbOrTx, row: { threadRootId: string; userId: string; workspaceId: string; following: boolean }): Promise<void> {
  await tx
    .insert(threadFollows)
    .values(row)
    .onConflictDoUpdate({ target: [threadFollows.threadRootId, threadFollows.userId], set: { following: row.following, updatedAt: new Date() } });
}

/** Explicit choices of one user for these threads: root id → following. */
export async function listFollowChoices(db: DbOrTx, userId: string, rootIds: string[]): Promise<Map<string, boolean>> {
  if (rootIds.length === 0) return new Map();
  const rows = await db
    .select({ id: threadFollows.threadRootId, following: threadFollows.following })
    .from(threadFollows)
    .where(and(eq(threadFollows.userId, userId), inArray(threadFollows.threadRootId, rootIds)));
  return new Map(rows.map((r) => [r.id, r.following]));
}
