import { type Invite, type Member, type Role, type Workspace, WorkspaceSettings } from '@aio/contracts';
import type { UserSummary } from '../../auth/index';
import type { InviteRow, MemberRow, WorkspaceRow } from '../repository';

export function toWorkspace(row: WorkspaceRow, role: Role, memberCount: number): Workspace {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    role,
    settings: WorkspaceSettings.parse(row.settings),
    memberCount,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toMember(row: MemberRow, user: UserSummary | undefined): Member {
  return {
    userId: row.userId,
    name: user?.name ?? '(deleted user)',
    email: user?.email ?? '',
    image: user?.image ?? null,
    role: row.role,
    joinedAt: row.createdAt.toISOString(),
  };
}

export function inviteStatus(row: InviteRow, now = new Date()): Invite['status'] {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt <= now) return 'expired';
  return 'pending';
}

export function toInvite(row: InviteRow, inviter: UserSummary | undefined): Invite {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: inviteStatus(row),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    invitedBy: inviter ? { id: inviter.id, name: inviter.name } : null,
  };
}

/** A readable, unique slug; names made only of symbols still get one. */
export function slugFor(name: string, suffix: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'workspace'}-${suffix}`;
}
