import type { AssignableRole, Member } from '@aio/contracts';
import type { WorkspaceCtx } from '../../../platform/context';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import { recordAudit } from '../../audit/index';
import { findUserSummaries } from '../../auth/index';
import { canChangeRole, canLeave, canManageInvites, canRemoveMember, canTransferOwnership } from '../policies';
import { announceMembership } from '../membership';
import * as repo from '../repository';
import { toMember } from './mappers';

export async function listMembers(ctx: WorkspaceCtx): Promise<Member[]> {
  const rows = await repo.listMembers(ctx.db, ctx.workspaceId);
  const users = await findUserSummaries(ctx, rows.map((r) => r.userId));
  return rows.map((r) => toMember(r, users.get(r.userId)));
}

async function memberView(ctx: WorkspaceCtx, row: repo.MemberRow): Promise<Member> {
  const users = await findUserSummaries(ctx, [row.userId]);
  return toMember(row, users.get(row.userId));
}

export async function changeMemberRole(ctx: WorkspaceCtx, userId: string, role: AssignableRole): Promise<Member> {
  const { before, after } = await ctx.db.transaction(async (tx) => {
    const target = await repo.findMember(tx, ctx.workspaceId, userId);
    if (!target) throw notFound('Member');
    if (!canChangeRole({ role: ctx.role, userId: ctx.actor.userId }, target)) {
      throw forbidden("You cannot change this member's role");
    }
    const updated = await repo.setMemberRole(tx, ctx.workspaceId, userId, role);
    await recordAudit(tx, ctx.actor, {
      workspaceId: ctx.workspaceId,
      action: 'member.role_changed',
      targetType: 'user',
      targetId: userId,
      before: { role: target.role },
      after: { role },
    });
    return { before: target, after: updated };
  });
  await announceMembership(ctx, 'member.role_changed', { workspaceId: ctx.workspaceId, userId, role, previousRole: before.role });
  return memberView(ctx, after);
}

export async function removeMember(ctx: WorkspaceCtx, userId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const target = await repo.findMember(tx, ctx.workspaceId, userId);
    if (!target) throw notFound('Member');
    if (!canRemoveMember({ role: ctx.role, userId: ctx.actor.userId }, target)) {
      throw forbidden('You cannot remove this member');
    }
    await repo.deleteMember(tx, ctx.workspaceId, userId);
    await recordAudit(tx, ctx.actor, {
      workspaceId: ctx.workspaceId,
      action: 'member.removed',
      targetType: 'user',
      targetId: userId,
      before: { role: target.role },
    });
  });
  await announceMembership(ctx, 'member.removed', { workspaceId: ctx.workspaceId, userId, reason: 'removed' });
}

export async function leaveWorkspace(ctx: WorkspaceCtx): Promise<void> {
  if (!canLeave(ctx.role)) throw forbidden('Transfer ownership to another member before leaving');
  const userId = ctx.actor.userId;
  await ctx.db.transaction(async (tx) => {
    await repo.deleteMember(tx, ctx.workspaceId, userId);
    await recordAudit(tx, ctx.actor, {
      workspaceId: ctx.workspaceId,
      action: 'member.left',
      targetType: 'user',
      targetId: userId,
      before: { role: ctx.role },
    });
  });
  await announceMembership(ctx, 'member.removed', { workspaceId: ctx.workspaceId, userId, reason: 'left' });
}

/** The new owner takes over; the old owner stays on as an admin. */
export async function transferOwnership(ctx: WorkspaceCtx, userId: string): Promise<void> {
  if (!canTransferOwnership(ctx.role)) throw forbidden('Only the owner can transfer ownership');
  if (userId === ctx.actor.userId) throw forbidden('You already own this workspace');
  const target = await ctx.db.transaction(async (tx) => {
    const member = await repo.findMember(tx, ctx.workspaceId, userId);
    if (!member) throw notFound('Member');
    await repo.setMemberRole(tx, ctx.workspaceId, userId, 'owner');
    await repo.setMemberRole(tx, ctx.workspaceId, ctx.actor.userId, 'admin');
    await recordAudit(tx, ctx.actor, {
      workspaceId: ctx.workspaceId,
      action: 'workspace.ownership_transferred',
      targetType: 'user',
      targetId: userId,
      before: { owner: ctx.actor.userId, role: member.role },
      after: { owner: userId },
    });
    return member;
  });
  await announceMembership(ctx, 'member.role_changed', { workspaceId: ctx.workspaceId, userId, role: 'owner', previousRole: target.role });
  await announceMembership(ctx, 'member.role_changed', {
    workspaceId: ctx.workspaceId,
    userId: ctx.actor.userId,
    role: 'admin',
    previousRole: 'owner',
  });
}

/**
 * Adds an existing user directly, without an invite: for importers and
 * administration tools acting as an owner or admin. Audited like a join.
 */
export async function addMember(ctx: WorkspaceCtx, userId: string, role: AssignableRole): Promise<void> {
  if (!canManageInvites(ctx.role)) throw forbidden('Only owners and admins can add members');
  await ctx.db.transaction(async (tx) => {
    if (await repo.findMember(tx, ctx.workspaceId, userId)) throw conflict('Already a member');
    await repo.insertMember(tx, ctx.workspaceId, userId, role);
    await recordAudit(tx, ctx.actor, { workspaceId: ctx.workspaceId, action: 'member.added', targetType: 'user', targetId: userId, after: { role } });
  });
  await announceMembership(ctx, 'member.joined', { workspaceId: ctx.workspaceId, userId, role });
}
