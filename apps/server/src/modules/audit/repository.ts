import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { auditLog } from './schema';

export type AuditRow = typeof auditLog.$inferSelect;
export type NewAuditRow = typeof auditLog.$inferInsert;

export async function insertAuditEntry(db: DbOrTx, entry: NewAuditRow): Promise<AuditRow> {
  const [row] = await db.insert(auditLog).values(entry).returning();
  return row!;
}

export interface AuditFilter {
  workspaceId?: string;
  /** A user's own security log: entries by them that belong to no workspace. */
  personalOf?: string;
  action?: string;
  beforeId?: number;
  limit: number;
}

export function listAuditEntries(db: DbOrTx, f: AuditFilter): Promise<AuditRow[]> {
  const scope = f.workspaceId
    ? eq(auditLog.workspaceId, f.workspaceId)
    : and(isNull(auditLog.workspaceId), eq(auditLog.actorId, f.personalOf!));
  return db
    .select()
    .from(auditLog)
    .where(and(scope, f.action ? eq(auditLog.action, f.action) : undefined, f.beforeId ? lt(auditLog.id, f.beforeId) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
}
