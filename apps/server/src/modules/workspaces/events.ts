import type { Role } from '@aio/contracts';

export interface WorkspaceEvents {
  'workspace.created': { workspaceId: string; name: string; createdBy: string };
  'workspace.updated': { workspaceId: string; name: string };
  'workspace.deleted': { workspaceId: string };
  'member.joined': { workspaceId: string; userId: string; role: Role };
  'member.role_changed': { workspaceId: string; userId: string; role: Role; previousRole: Role };
  'member.removed': { workspaceId: string; userId: string; reason: 'removed' | 'left' };
  'invite.created': { workspaceId: string; inviteId: string; email: string; role: Role };
}
