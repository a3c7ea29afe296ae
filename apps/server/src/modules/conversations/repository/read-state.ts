import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type DbOrTx, queryRows } from '../../../db/client';
import { conversationMembers, memberStatuses } from '../schema';

export interface ReadStateRow {
  conversationId: string;
  lastReadSeq: number;
  unreadCount: number;
  mentionCount: number;
}

/** Counting stops here: a badge shows "999+", and a LIMIT keeps a huge backlog cheap to count. */
export const UNREAD_CAP = 999;

/**
 * Read state of one user's conversations. Unread: main-timeline messages after
 * the last read one, not deleted, not their own. Mentions: messages after it
 * that name them or say @channel / @here, not their own (thread replies count).
 */
export async function readStatesOf(
  db: DbOrTx,
  workspaceId: string,
  userId: string,
  scope: { conversationIds?: string[]; includeArchived: boolean },
): Promise<ReadStateRow[]> {
  if (scope.conversationIds?.length === 0) return [];
  const onlyThese: SQL = scope.conversationIds
    ? sql`and cm.conversation_id = any(${sql.param(scope.conversationIds)}::text[])`
    : sql``;
  const activeOnly: SQL = scope.includeArchived ? sql`` : sql`and c.archived_at is null`;
  const rows = await queryRows<ReadStateRow>(
    db,
    sql`select cm.conversation_id as "conversationId", cm.last_read_seq::float8 as "lastReadSeq",
      (select count(*)::int from (select 1 from messages m
        where m.conversation_id = cm.conversation_id and m.seq > cm.last_read_seq
          and m.author_id is distinct from cm.user_id and m.deleted_at is null
          and (m.thread_root_id is null or m.also_in_channel)
        limit ${UNREAD_CAP}) u) as "unreadCount",
      (select count(*)::int from (select distinct mm.message_id from message_mentions mm join messages m on m.id = mm.message_id
        where mm.conversation_id = cm.conversation_id and mm.seq > cm.last_read_seq
          and (mm.user_id = cm.user_id or mm.kind in ('channel', 'here'))
          and m.author_id is distinct from cm.user_id
        limit ${UNREAD_CAP}) x) as "mentionCount"
    from conversation_members cm join conversations c on c.id = cm.conversation_id
    where cm.workspace_id = ${workspaceId} and cm.user_id = ${userId} ${onlyThese} ${activeOnly}`,
  );
  return rows.map((r) => ({ ...r, lastReadSeq: Number(r.lastReadSeq), unreadCount: Number(r.unreadCount), mentionCount: Number(r.mentionCount) }));
}

/**
 * Moves the read marker: `forward` never moves it back (another device may
 * have read further), `exact` sets it (mark unread). False when not a member.
 */
export async function setLastRead(tx: DbOrTx, conversationId: string, userId: string, seq: number, mode: 'forward' | 'exact'): Promise<boolean> {
  const value = mode === 'forward' ? sql`greatest(${conversationMembers.lastReadSeq}, ${seq})` : sql`${seq}`;
  const rows = await tx
    .update(conversationMembers)
    .set({ lastReadSeq: value })
    .where(and(eq(conversationMembers.conversationId, conversationId), eq(conversationMembers.userId, userId)))
    .returning({ seq: conversationMembers.lastReadSeq });
  return rows.length > 0;
}

export type StatusRow = typeof memberStatuses.$inferSelect;

export async function upsertStatus(tx: DbOrTx, row: { workspaceId: string; userId: string; text: string; emoji: string; expiresAt: Date | null }): Promise<StatusRow> {
  const [saved] = await tx
    .insert(memberStatuses)
    .values(row)
    .onConflictDoUpdate({
      target: [memberStatuses.workspaceId, memberStatuses.userId],
      set: { text: row.text, emoji: row.emoji, expiresAt: row.expiresAt, updatedAt: new Date() },
    })
    .returning();
  return saved!;
}

export async function deleteStatus(tx: DbOrTx, workspaceId: string, userId: string): Promise<boolean> {
  const rows = await tx
    .delete(memberStatuses)
    .where(and(eq(memberStatuses.workspaceId, workspaceId), eq(memberStatuses.userId, userId)))
    .returning({ userId: memberStatuses.userId });
  return rows.length > 0;
}

/** Statuses still in effect (not expired) of a workspace. */
export function listActiveStatuses(db: DbOrTx, workspaceId: string): Promise<StatusRow[]> {
  return db
    .select()
    .from(memberStatuses)
    .where(and(eq(memberStatuses.workspaceId, workspaceId), sql`(${memberStatuses.expiresAt} is null or ${memberStatuses.expiresAt} > now())`));
}
