import { randomUUID } from 'node:crypto';
import { type CreateInviteBody, type Invite, type InvitePreview, type Workspace, WorkspaceSettings } from '@aio/contracts';
import type { Ctx, UserCtx, WorkspaceCtx } from '../../../platform/context';
import { randomToken, sha256Hex } from '../../../platform/crypto';
import { AppError, conflict, forbidden, notFound } from '../../../platform/errors';
import { sendMail } from '../../../platform/mail/jobs';
import { recordAudit } from '../../audit/index';
import { findUserIdByEmail, findUserSummaries } from '../../auth/index';
import { canManageInvites } from '../policies';
import { announceMembership } from '../membership';
import * as repo from '../repository';
import { inviteStatus, toInvite, toWorkspace } from './mappers';

const DAY_MS = 86_400_000;

function inviteMail(to: string, inviter: string, workspace: string, role: string, url: string, expiresAt: Date) {
  return {
    to,
    subject: `${inviter} invited you to ${workspace} on AIO Chat`,
    text:
      `${inviter} invited you to join the workspace "${workspace}" on AIO Chat as ${role}.\n\n` +
      `Accept the invitation:\n\n${url}\n\nThe link expires on ${expiresAt.toUTCString()}.\n`,
  };
}

export async function createInvite(ctx: WorkspaceCtx, input: CreateInviteBody): Promise<Invite & { inviteUrl: string }> {
  if (!canManageInvites(ctx.role)) throw forbidden('Only owners and admins can invite');
  const existingUserId = await findUserIdByEmail(ctx, input.email);
  if (existingUserId && (await repo.findMember(ctx.db, ctx.workspaceId, existingUserId))) {
    throw conflict(`${input.email} is already a member of this workspace`);
  }
  const token = randomToken(32);
  const { invite, workspace } = await ctx.db.transaction(async (tx) => {
    const ws = await repo.findWorkspace(tx, ctx.workspaceId);
    if (!ws) throw notFound('Workspace');
    const days = input.expiresInDays ?? WorkspaceSettings.parse(ws.settings).inviteExpiryDays;
    await repo.revokeOpenInvitesFor(tx, ctx.workspaceId, input.email);
    const row = await repo.insertInvite(tx, {
      id: randomUUID(),
      workspaceId: ctx.workspaceId,
      email: input.email,
      role: input.role,
      tokenHash: sha256Hex(token),
      invitedBy: ctx.actor.userId,
      expiresAt: new Date(Date.now() + days * DAY_MS),
    });
    await recordAudit(tx, ctx.actor, {
      workspaceId: ctx.workspaceId,
      action: 'invite.created',
      targetType: 'invite',
      targetId: row.id,
      after: { email: row.email, role: row.role, expiresAt: row.expiresAt },
    });
    return { invite: row, workspace: ws };
  });
  const inviter = (await findUserSummaries(ctx, [ctx.actor.userId])).get(ctx.actor.userId);
  const inviteUrl = `${ctx.config.publicUrl}/invite/${token}`;
  await sendMail(ctx.jobs, inviteMail(invite.email, inviter?.name ?? 'Someone', workspace.name, invite.role, inviteUrl, invite.expiresAt));
  await ctx.bus.emit('invite.created', { workspaceId: ctx.workspaceId, inviteId: invite.id, email: invite.email, role: invite.role });
  return { ...toInvite(invite, inviter), inviteUrl };
}

export async function listInvites(ctx: WorkspaceCtx): Promise<Invite[]> {
  if (!canManageInvites(ctx.role)) throw forbidden('Only owners and admins can see invites');
  const rows = await repo.listInvites(ctx.db, ctx.workspaceId);
  const users = await findUserSummaries(ctx, rows.map((r) => r.invitedBy).filter((id): id is string => !!id));
  return rows.map((r) => toInvite(r, r.invitedBy ? users.get(r.invitedBy) : undefined));
}

export async function revokeInvite(ctx: WorkspaceCtx, inviteId: string): Promise<void> {
  if (!canManageInvites(ctx.role)) throw forbidden('Only owners and admins can revoke invites');
  await ctx.db.transaction(async (tx) => {
    const row = await repo.findInvite(tx, ctx.workspaceId, inviteId);
    if (!row) throw notFound('Invite');
    if (inviteStatus(row) !== 'pending') throw conflict(`The invite is already ${inviteStatus(row)}`);
    await repo.markInvite(tx, row.id, { revokedAt: new Date() });
    await recordAudit(tx, ctx.actor, {
      workspaceId: ctx.workspaceId,
      action: 'invite.revoked',
      targetType: 'invite',
      targetId: row.id,
      before: { email: row.email, role: row.role },
    });
  });
}

async function findByToken(ctx: Pick<Ctx, 'db'>, token: string) {
  const row = await repo.findInviteByTokenHash(ctx.db, sha256Hex(token));
  if (!row) throw notFound('Invite');
  return row;
}

/** Public: what the invite page shows before the visitor signs in. */
export async function previewInvite(ctx: Ctx, token: string): Promise<InvitePreview> {
  const row = await findByToken(ctx, token);
  const ws = await repo.findWorkspace(ctx.db, row.workspaceId);
  if (!ws) throw notFound('Invite');
  const inviter = row.invitedBy ? (await findUserSummaries(ctx, [row.invitedBy])).get(row.invitedBy) : undefined;
  return {
    workspaceName: ws.name,
    email: row.email,
    role: row.role,
    expiresAt: row.expiresAt.toISOString(),
    invitedByName: inviter?.name ?? null,
    status: inviteStatus(row),
  };
}

export async function acceptInvite(ctx: UserCtx, token: string): Promise<Workspace> {
  const userId = ctx.actor.userId;
  const invite = await findByToken(ctx, token);
  const me = (await findUserSummaries(ctx, [userId])).get(userId);
  if (!me || me.email.toLowerCase() !== invite.email) {
    throw forbidden(`This invite was sent to ${invite.email}; sign in with that address to accept it`);
  }
  const status = inviteStatus(invite);
  if (status !== 'pending') throw new AppError('GONE', `This invite is ${status}`);
  const joined = await ctx.db.transaction(async (tx) => {
    await repo.markInvite(tx, invite.id, { acceptedAt: new Date(), acceptedBy: userId });
    if (await repo.findMember(tx, invite.workspaceId, userId)) return false;
    await repo.insertMember(tx, invite.workspaceId, userId, invite.role);
    await recordAudit(tx, ctx.actor, {
      workspaceId: invite.workspaceId,
      action: 'member.joined',
      targetType: 'user',
      targetId: userId,
      after: { role: invite.role, inviteId: invite.id },
    });
    return true;
  });
  if (joined) await announceMembership(ctx, 'member.joined', { workspaceId: invite.workspaceId, userId, role: invite.role });
  const ws = await repo.findWorkspace(ctx.db, invite.workspaceId);
  const member = await repo.findMember(ctx.db, invite.workspaceId, userId);
  const counts = await repo.countMembers(ctx.db, [invite.workspaceId]);
  return toWorkspace(ws!, member!.role, counts.get(invite.workspaceId) ?? 1);
}
