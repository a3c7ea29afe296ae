export { requireMembership } from './membership';
export { publicInviteRoutes, workspaceRoutes, workspaceScopedRoutes } from './routes';
export { createWorkspace, findMembershipRole, hasAnyWorkspace, listMyWorkspaces } from './service/workspaces';
export { createInvite, acceptInvite } from './service/invites';
export { addMember, listMembers } from './service/members';
export type { WorkspaceEvents } from './events';
