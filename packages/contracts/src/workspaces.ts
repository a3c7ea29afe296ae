import { z } from 'zod';
import { DisplayName, Email, Id, IsoDate } from './common';

/** Ordered from most to least privileged. */
export const ROLES = ['owner', 'admin', 'operator', 'member', 'guest'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
/** Roles an invite or a role change may grant; ownership moves only by transfer. */
export const AssignableRole = z.enum(['admin', 'operator', 'member', 'guest']);
export type AssignableRole = z.infer<typeof AssignableRole>;

export const WorkspaceSettings = z.object({
  timezone: z.string().max(64).default('UTC'),
  inviteExpiryDays: z.number().int().min(1).max(30).default(7),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;

export const Workspace = z.object({
  id: Id,
  name: z.string(),
  slug: z.string(),
  role: Role.describe("the caller's role"),
  settings: WorkspaceSettings,
  memberCount: z.number().int(),
  createdAt: IsoDate,
});
export type Workspace = z.infer<typeof Workspace>;

export const WorkspaceParams = z.object({ workspaceId: Id });

export const CreateWorkspaceBody = z.object({ name: DisplayName });
export type CreateWorkspaceBody = z.infer<typeof CreateWorkspaceBody>;

export const UpdateWorkspaceBody = z
  .object({ name: DisplayName.optional(), settings: WorkspaceSettings.partial().optional() })
  .refine((b) => b.name !== undefined || b.settings !== undefined, 'nothing to change');
export type UpdateWorkspaceBody = z.infer<typeof UpdateWorkspaceBody>;

export const Member = z.object({
  userId: Id,
  name: z.string(),
  email: z.string(),
  image: z.string().nullable(),
  role: Role,
  joinedAt: IsoDate,
});
export type Member = z.infer<typeof Member>;

export const MemberParams = z.object({ workspaceId: Id, userId: Id });
export const UpdateMemberBody = z.object({ role: AssignableRole });
export const TransferOwnershipBody = z.object({ userId: Id });

export const INVITE_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export const Invite = z.object({
  id: Id,
  email: z.string(),
  role: AssignableRole,
  status: z.enum(INVITE_STATUSES),
  expiresAt: IsoDate,
  createdAt: IsoDate,
  invitedBy: z.object({ id: Id, name: z.string() }).nullable(),
});
export type Invite = z.infer<typeof Invite>;

export const CreateInviteBody = z.object({
  email: Email,
  role: AssignableRole.default('member'),
  expiresInDays: z.number().int().min(1).max(30).optional(),
});
export type CreateInviteBody = z.infer<typeof CreateInviteBody>;

/** Returned once, at creation: the link carries the only copy of the token. */
export const CreatedInvite = Invite.extend({ inviteUrl: z.string() });

export const InviteParams = z.object({ workspaceId: Id, inviteId: Id });
export const InviteTokenParams = z.object({ token: z.string().min(16).max(200) });

export const InvitePreview = z.object({
  workspaceName: z.string(),
  email: z.string(),
  role: AssignableRole,
  expiresAt: IsoDate,
  invitedByName: z.string().nullable(),
  status: z.enum(INVITE_STATUSES),
});
export type InvitePreview = z.infer<typeof InvitePreview>;
