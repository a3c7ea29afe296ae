import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Role } from '@aio/contracts';
import type { DbOrTx } from '../../db/client';
import { workspaceInvites, workspaceMembers, workspaces } from './schema';

export type WorkspaceRow = typeof workspaces.$inferSelect;
export type MemberRow = typeof workspaceMembers.$inferSelect;
export type InviteRow = typeof workspaceInvites.$inferSelect;

export async function insertWorkspace(db: DbOrTx, row: typeof workspaces.$inferInsert): Promise<WorkspaceRow> {
  const [created] = await db.insert(workspaces).values(row).returning();
  return created!;
}

export async function findWorkspace(db: DbOrTx, id: string): Promise<WorkspaceRow | undefined> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.id, id));
  return row;
}

export async function updateWorkspace(
  db: DbOrTx,
  id: string,
  patch: Partial<Pick<WorkspaceRow, 'name' | 'settings'>>,
): Promise<WorkspaceRow> {
  const [row] = await db.update(workspaces).set({ ...patch, updatedAt: new Date() }).where(eq(workspaces.id, id)).returning();
  return row!;
}

export async function deleteWorkspace(db: DbOrTx, id: string): Promise<void> {
  await db.delete(workspaces).where(eq(workspaces.id, id));
}

export async function countWorkspaces(db: DbOrTx): Promise<number> {
  return db.$count(workspaces);
}

export function listWorkspacesOfUser(db: DbOrTx, userId: string) {
  return db
    .select({ workspace: workspaces, role: workspaceMembers.role })
    .from(workspaceMembers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceMembers.workspaceId))
    .where(eq(workspaceMembers.userId, userId))
    .orderBy(workspaces.name);
}

export async function countMembers(db: DbOrTx, workspaceIds: string[]): Promise<Map<string, number>> {
  if (workspaceIds.length === 0) return new Map();
  const rows = await db
    .select({ workspaceId: workspaceMembers.workspaceId, n: count() })
    .from(workspaceMembers)
    .where(inArray(workspaceMembers.workspaceId, workspaceIds))
    .groupBy(workspaceMembers.workspaceId);
  return new Map(rows.map((r) => [r.workspaceId, Number(r.n)]));
}

export async function findMember(db: DbOrTx, workspaceId: string, userId: string): Promise<MemberRow | undefined> {
  const [row] = await db
    .select()
    .from(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)));
  return row;
}

export function listMembers(db: DbOrTx, workspaceId: string): Promise<MemberRow[]> {
  return db.select().from(workspaceMembers).where(eq(workspaceMembers.workspaceId, workspaceId)).orderBy(workspaceMembers.createdAt);
}

export async function insertMember(db: DbOrTx, workspaceId: string, userId: string, role: Role): Promise<MemberRow> {
  const [row] = await db.insert(workspaceMembers).values({ workspaceId, userId, role }).returning();
  return row!;
}

export async function setMemberRole(db: DbOrTx, workspaceId: string, userId: string, role: Role): Promise<MemberRow> {
  const [row] = await db
    .update(workspaceMembers)
    .set({ role, updatedAt: new Date() })
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)))
    .returning();
  return row!;
}

export async function deleteMember(db: DbOrTx, workspaceId: string, userId: string): Promise<void> {
  await db
    .delete(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)));
}

export async function insertInvite(db: DbOrTx, row: typeof workspaceInvites.$inferInsert): Promise<InviteRow> {
  const [created] = await db.insert(workspaceInvites).values(row).returning();
  return created!;
}

export function listInvites(db: DbOrTx, workspaceId: string): Promise<InviteRow[]> {
  return db
    .select()
    .from(workspaceInvites)
    .where(eq(workspaceInvites.workspaceId, workspaceId))
    .orderBy(desc(workspaceInvites.createdAt))
    .limit(200);
}

export async function findInvite(db: DbOrTx, workspaceId: string, id: string): Promise<InviteRow | undefined> {
  const [row] = await db
    .select()
    .from(workspaceInvites)
    .where(and(eq(workspaceInvites.workspaceId, workspaceId), eq(workspaceInvites.id, id)));
  return row;
}

export async function findInviteByTokenHash(db: DbOrTx, tokenHash: string): Promise<InviteRow | undefined> {
  const [row] = await db.select().from(workspaceInvites).where(eq(workspaceInvites.tokenHash, tokenHash));
  return row;
}

/** Revokes the open invites of an address, so only the newest link works. */
export async function revokeOpenInvitesFor(db: DbOrTx, workspaceId: string, email: string): Promise<void> {
  await db
    .update(workspaceInvites)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(workspaceInvites.workspaceId, workspaceId),
        eq(workspaceInvites.email, email),
        isNull(workspaceInvites.acceptedAt),
        isNull(workspaceInvites.revokedAt),
      ),
    );
}

export async function markInvite(
  db: DbOrTx,
  id: string,
  patch: Partial<Pick<InviteRow, 'revokedAt' | 'acceptedAt' | 'acceptedBy'>>,
): Promise<InviteRow> {
  const [row] = await db.update(workspaceInvites).set(patch).where(eq(workspaceInvites.id, id)).returning();
  return row!;
}
