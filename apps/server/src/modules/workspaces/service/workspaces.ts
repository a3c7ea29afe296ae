import { randomBytes, randomUUID } from 'node:crypto';
import { type CreateWorkspaceBody, type UpdateWorkspaceBody, type Workspace, WorkspaceSettings } from '@aio/contracts';
import type { Ctx, UserCtx, WorkspaceCtx } from '../../../platform/context';
import { forbidden, notFound } from '../../../platform/errors';
import { recordAudit } from '../../audit/index';
import { canDeleteWorkspace, canUpdateWorkspace } from '../policies';
import { announceMembership, forgetMembership } from '../membership';
import * as repo from '../repository';
import { slugFor, toWorkspace } from './mappers';

export async function createWorkspace(ctx: UserCtx, input: CreateWorkspaceBody): Promise<Workspace> {
  const userId = ctx.actor.userId;
  const row = await ctx.db.transaction(async (tx) => {
    const ws = await repo.insertWorkspace(tx, {
      id: randomUUID(),
      name: input.name,
      slug: slugFor(input.name, randomBytes(3).toString('hex')),
      settings: WorkspaceSettings.parse({}),
      createdBy: userId,
    });
    await repo.insertMember(tx, ws.id, userId, 'owner');
    await recordAudit(tx, ctx.actor, {
      workspaceId: ws.id,
      action: 'workspace.created',
      targetType: 'workspace',
      targetId: ws.id,
      after: { name: ws.name },
    });
    return ws;
  });
  await ctx.bus.emit('workspace.created', { workspaceId: row.id, name: row.name, createdBy: userId });
  await announceMembership(ctx, 'member.joined', { workspaceId: row.id, userId, role: 'owner' });
  return toWorkspace(row, 'owner', 1);
}

export async function listMyWorkspaces(ctx: UserCtx): Promise<Workspace[]> {
  const rows = await repo.listWorkspacesOfUser(ctx.db, ctx.actor.userId);
  const counts = await repo.countMembers(ctx.db, rows.map((r) => r.workspace.id));
  return rows.map((r) => toWorkspace(r.workspace, r.role, counts.get(r.workspace.id) ?? 0));
}

export async function getWorkspace(ctx: WorkspaceCtx): Promise<Workspace> {
  const row = await repo.findWorkspace(ctx.db, ctx.workspaceId);
  if (!row) throw notFound('Workspace');
  const counts = await repo.countMembers(ctx.db, [row.id]);
  return toWorkspace(row, ctx.role, counts.get(row.id) ?? 0);
}

export async function updateWorkspaceSettings(ctx: WorkspaceCtx, input: UpdateWorkspaceBody): Promise<Workspace> {
  if (!canUpdateWorkspace(ctx.role)) throw forbidden('Only owners and admins can change workspace settings');
  const row = await ctx.db.transaction(async (tx) => {
    const before = await repo.findWorkspace(tx, ctx.workspaceId);
    if (!before) throw notFound('Workspace');
    const settings = WorkspaceSettings.parse({ ...before.settings, ...input.settings });
    const after = await repo.updateWorkspace(tx, ctx.workspaceId, { name: input.name ?? before.name, settings });
    await recordAudit(tx, ctx.actor, {
      workspaceId: ctx.workspaceId,
      action: 'workspace.updated',
      targetType: 'workspace',
      targetId: ctx.workspaceId,
      before: { name: before.name, settings: before.settings },
      after: { name: after.name, settings: after.settings },
    });
    return after;
  });
  await ctx.bus.emit('workspace.updated', { workspaceId: row.id, name: row.name });
  return getWorkspace(ctx);
}

/** The workspace's own log goes with it, so the deletion is recorded in the owner's personal log. */
export async function deleteWorkspace(ctx: WorkspaceCtx): Promise<void> {
  if (!canDeleteWorkspace(ctx.role)) throw forbidden('Only the owner can delete a workspace');
  await ctx.db.transaction(async (tx) => {
    const before = await repo.findWorkspace(tx, ctx.workspaceId);
    if (!before) throw notFound('Workspace');
    await repo.deleteWorkspace(tx, ctx.workspaceId);
    await recordAudit(tx, ctx.actor, {
      workspaceId: null,
      action: 'workspace.deleted',
      targetType: 'workspace',
      targetId: ctx.workspaceId,
      before: { name: before.name, slug: before.slug },
    });
  });
  forgetMembership(ctx, ctx.workspaceId);
  await ctx.bus.emit('workspace.deleted', { workspaceId: ctx.workspaceId });
}

/** For other modules and the CLI: the caller's role, or undefined when not a member. */
export async function findMembershipRole(ctx: Pick<Ctx, 'db'>, workspaceId: string, userId: string) {
  return (await repo.findMember(ctx.db, workspaceId, userId))?.role;
}

/** Whether this installation has any workspace yet (first start seeds the demo). */
export async function hasAnyWorkspace(ctx: Pick<Ctx, 'db'>): Promise<boolean> {
  return (await repo.countWorkspaces(ctx.db)) > 0;
}
