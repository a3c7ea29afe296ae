import type { Role } from '@aio/contracts';

/** What each role may do in a workspace. Pure functions; services call them first. */
const isAdmin = (role: Role) => role === 'owner' || role === 'admin';

export const canUpdateWorkspace = isAdmin;
export const canDeleteWorkspace = (role: Role) => role === 'owner';
export const canManageInvites = isAdmin;
export const canTransferOwnership = (role: Role) => role === 'owner';
/** An owner must hand ownership over before leaving, so a workspace always has one. */
export const canLeave = (role: Role) => role !== 'owner';

/** Admins manage everyone but the owner; nobody changes their own role. */
export function canChangeRole(actor: { role: Role; userId: string }, target: { role: Role; userId: string }): boolean {
  return isAdmin(actor.role) && target.role !== 'owner' && actor.userId !== target.userId;
}

export function canRemoveMember(actor: { role: Role; userId: string }, target: { role: Role; userId: string }): boolean {
  return isAdmin(actor.role) && target.role !== 'owner' && actor.userId !== target.userId;
}
