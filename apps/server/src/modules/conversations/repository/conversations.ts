import { and, asc, count, desc, eq, inArray, isNull, notExists, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { conversationMembers, conversations } from '../schema';

export type ConversationRow = typeof conversations.$inferSelect;
export type ConversationMemberRow = typeof conversationMembers.$inferSelect;
export type MemberRole = ConversationMemberRow['role'];

export async function insertConversation(tx: DbOrTx, row: typeof conversations.$inferInsert): Promise<ConversationRow> {
  const [created] = await tx.insert(conversations).values(row).returning();
  return created!;
}

export async function findConversation(db: DbOrTx, workspaceId: string, id: string): Promise<ConversationRow | undefined> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id)));
  return row;
}

/** Unscoped: for caches keyed by id, whose readers compare the workspace themselves. */
export async function findConversationById(db: DbOrTx, id: string): Promise<ConversationRow | undefined> {
  const [row] = await findConversationsByIds(db, [id]);
  return row;
}

export function findConversationsByIds(db: DbOrTx, ids: readonly string[]): Promise<ConversationRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select().from(conversations).where(inArray(conversations.id, [...ids]));
}

/** Locks the row until the transaction ends, so membership and archive changes of one conversation run one at a time. */
export async function findConversationForUpdate(tx: DbOrTx, workspaceId: string, id: string): Promise<ConversationRow | undefined> {
  const [row] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id)))
    .for('update');
  return row;
}

export async function findDirectByKey(db: DbOrTx, workspaceId: string, directKey: string): Promise<ConversationRow | undefined> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.kind, 'direct'), eq(conversations.directKey, directKey)));
  return row;
}

export async function findChannelByName(db: DbOrTx, workspaceId: string, name: string): Promise<ConversationRow | undefined> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.kind, 'channel'), eq(conversations.name, name)));
  return row;
}

export async function updateConversation(
  tx: DbOrTx,
  id: string,
  patch: Partial<Pick<ConversationRow, 'name' | 'topic' | 'archivedAt'>>,
): Promise<ConversationRow> {
  const [row] = await tx.update(conversations).set({ ...patch, updatedAt: new Date() }).where(eq(conversations.id, id)).returning();
  return row!;
}

/** Newest activity first; conversations without messages by creation time. */
const byActivity = [desc(sql`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt})`), asc(conversations.id)];
const notArchived = (includeArchived: boolean): SQL | undefined => (includeArchived ? undefined : isNull(conversations.archivedAt));

export function listJoinedConversations(db: DbOrTx, workspaceId: string, userId: string, includeArchived: boolean) {
  return db
    .select({ conversation: conversations, role: conversationMembers.role })
    .from(conversationMembers)
    .innerJoin(conversations, eq(conversations.id, conversationMembers.conversationId))
    .where(and(eq(conversationMembers.workspaceId, workspaceId), eq(conversationMembers.userId, userId), notArchived(includeArchived)))
    .orderBy(...byActivity);
}

const BROWSE_LIMIT = 1000;

/** Public channels the user has not joined, by name. */
export function listBrowsableChannels(db: DbOrTx, workspaceId: string, userId: string, includeArchived: boolean): Promise<ConversationRow[]> {
  const joined = db
    .select({ one: sql`1` })
    .from(conversationMembers)
    .where(and(eq(conversationMembers.conversationId, conversations.id), eq(conversationMembers.userId, userId)));
  return db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.workspaceId, workspaceId),
        eq(conversations.kind, 'channel'),
        eq(conversations.isPrivate, false),
        notArchived(includeArchived),
        notExists(joined),
      ),
    )
    .orderBy(asc(conversations.name))
    .limit(BROWSE_LIMIT);
}

export async function countMembersOf(db: DbOrTx, conversationIds: string[]): Promise<Map<string, number>> {
  if (conversationIds.length === 0) return new Map();
  const rows = await db
    .select({ conversationId: conversationMembers.conversationId, n: count() })
    .from(conversationMembers)
    .where(inArray(conversationMembers.conversationId, conversationIds))
    .groupBy(conversationMembers.conversationId);
  return new Map(rows.map((r) => [r.conversationId, Number(r.n)]));
}

/** Adds members; returns the user ids that were not members yet. */
export async function insertMembers(tx: DbOrTx, conversationId: string, workspaceId: string, members: Array<{ userId: string; role: MemberRole }>): Promise<string[]> {
  if (members.length === 0) return [];
  const rows = await tx
    .insert(conversationMembers)
    .values(members.map((m) => ({ conversationId, workspaceId, userId: m.userId, role: m.role })))
    .onConflictDoNothing()
    .returning({ userId: conversationMembers.userId });
  return rows.map((r) => r.userId);
}

export async function deleteMember(tx: DbOrTx, conversationId: string, userId: string): Promise<boolean> {
  const rows = await tx
    .delete(conversationMembers)
    .where(and(eq(conversationMembers.conversationId, conversationId), eq(conversationMembers.userId, userId)))
    .returning({ userId: conversationMembers.userId });
  return rows.length > 0;
}

export function listMembersOf(db: DbOrTx, conversationIds: string[]): Promise<ConversationMemberRow[]> {
  if (conversationIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(conversationMembers)
    .where(inArray(conversationMembers.conversationId, conversationIds))
    // Owners first, then by arrival; the user id breaks ties within one insert.
    .orderBy(asc(sql`${conversationMembers.role} <> 'owner'`), asc(conversationMembers.joinedAt), asc(conversationMembers.userId));
}

export async function findMembership(db: DbOrTx, conversationId: string, userId: string): Promise<ConversationMemberRow | undefined> {
  const [row] = await db
    .select()
    .from(conversationMembers)
    .where(and(eq(conversationMembers.conversationId, conversationId), eq(conversationMembers.userId, userId)));
  return row;
}

export async function listConversationIdsOfUser(db: DbOrTx, workspaceId: string, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: conversationMembers.conversationId })
    .from(conversationMembers)
    .where(and(eq(conversationMembers.workspaceId, workspaceId), eq(conversationMembers.userId, userId)));
  return rows.map((r) => r.id);
}

/** Ids of public channels, for reads that reach beyond the caller's memberships (search, bookmarks). */
export async function listPublicChannelIds(db: DbOrTx, workspaceId: string): Promise<string[]> {
  const rows = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.kind, 'channel'), eq(conversations.isPrivate, false)));
  return rows.map((r) => r.id);
}

/** Seqs only grow, but a batch may race another node's: never move backwards. */
export async function setLastMessage(tx: DbOrTx, conversationId: string, seq: number, at: Date): Promise<void> {
  const iso = at.toISOString();
  await tx
    .update(conversations)
    .set({
      lastMessageSeq: sql`greatest(coalesce(${conversations.lastMessageSeq}, 0), ${seq})`,
      lastMessageAt: sql`greatest(coalesce(${conversations.lastMessageAt}, ${iso}::timestamptz), ${iso}::timestamptz)`,
    })
    .where(eq(conversations.id, conversationId));
}

/** A workspace member who left the workspace leaves its conversations too. */
export async function deleteMembershipsOfUser(tx: DbOrTx, workspaceId: string, userId: string): Promise<string[]> {
  const rows = await tx
    .delete(conversationMembers)
    .where(and(eq(conversationMembers.workspaceId, workspaceId), eq(conversationMembers.userId, userId)))
    .returning({ conversationId: conversationMembers.conversationId });
  return rows.map((r) => r.conversationId);
}

/** A unique index said no (a channel name or a direct group taken by a concurrent request); Drizzle wraps the driver's error. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
