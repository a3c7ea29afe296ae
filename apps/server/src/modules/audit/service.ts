import type { AuditEntry, AuditPage } from '@aio/contracts';
import type { DbOrTx } from '../../db/client';
import type { Actor, UserCtx, WorkspaceCtx } from '../../platform/context';
import { forbidden } from '../../platform/errors';
import { findUserSummaries } from '../auth/index';
import { canReadAuditLog } from './policies';
import { type AuditRow, insertAuditEntry, listAuditEntries } from './repository';

export interface AuditInput {
  workspaceId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends an entry. Call it with the transaction that makes the change, so the
 * change and its record commit together or not at all.
 */
export async function recordAudit(db: DbOrTx, actor: Actor, input: AuditInput): Promise<void> {
  await insertAuditEntry(db, {
    workspaceId: input.workspaceId,
    actorId: actor.userId,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    ip: actor.ip,
    before: input.before ?? null,
    after: input.after ?? null,
  });
}

async function toPage(ctx: UserCtx, rows: AuditRow[], limit: number): Promise<AuditPage> {
  const actors = await findUserSummaries(ctx, rows.map((r) => r.actorId).filter((id): id is string => !!id));
  const items: AuditEntry[] = rows.map((r) => ({
    id: String(r.id),
    workspaceId: r.workspaceId,
    action: r.action,
    actor: r.actorId ? (actors.get(r.actorId) ?? { id: r.actorId, name: '(deleted user)', email: '' }) : null,
    targetType: r.targetType,
    targetId: r.targetId,
    ip: r.ip,
    before: r.before ?? null,
    after: r.after ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
  const last = rows.at(-1);
  return { items, nextCursor: rows.length === limit && last ? String(last.id) : null };
}

export interface AuditQuery {
  cursor?: string;
  limit: number;
  action?: string;
}

export async function listWorkspaceAuditLog(ctx: WorkspaceCtx, q: AuditQuery): Promise<AuditPage> {
  if (!canReadAuditLog(ctx.role)) throw forbidden('Only owners and admins can read the audit log');
  const rows = await listAuditEntries(ctx.db, {
    workspaceId: ctx.workspaceId,
    action: q.action,
    beforeId: q.cursor ? Number(q.cursor) : undefined,
    limit: q.limit,
  });
  return toPage(ctx, rows, q.limit);
}

/** A user's own security actions (2FA, API keys), which belong to no workspace. */
export async function listMySecurityLog(ctx: UserCtx, q: AuditQuery): Promise<AuditPage> {
  const rows = await listAuditEntries(ctx.db, {
    personalOf: ctx.actor.userId,
    action: q.action,
    beforeId: q.cursor ? Number(q.cursor) : undefined,
    limit: q.limit,
  });
  return toPage(ctx, rows, q.limit);
}
