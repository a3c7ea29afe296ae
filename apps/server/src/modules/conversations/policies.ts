import type { Role } from '@aio/contracts';

/**
 * What a workspace member may do with a conversation. Pure functions of the
 * caller's workspace role and their place in the conversation; services call
 * them first. "Cannot see" is answered as not found by the services.
 */
export interface ConversationFacts {
  kind: 'channel' | 'direct' | 'support';
  isPrivate: boolean;
  archived: boolean;
}

export interface Caller {
  role: Role;
  userId: string;
  /** Their membership in the conversation, if any. */
  membership: 'owner' | 'member' | null;
}

export const isWorkspaceAdmin = (role: Role) => role === 'owner' || role === 'admin';
const isPublicChannel = (c: ConversationFacts) => c.kind === 'channel' && !c.isPrivate;

/** Members see their conversations; everyone but guests sees public channels. */
export function canSeeConversation(c: ConversationFacts, caller: Caller): boolean {
  return caller.membership !== null || (isPublicChannel(c) && caller.role !== 'guest');
}

/** Guests may start direct messages and private channels, never public ones. */
export function canCreateConversation(role: Role, kind: 'channel' | 'direct', isPrivate: boolean): boolean {
  return kind === 'direct' || isPrivate || role !== 'guest';
}

export const canBrowseChannels = (role: Role) => role !== 'guest';

export function canJoin(c: ConversationFacts, caller: Caller): boolean {
  return isPublicChannel(c) && caller.role !== 'guest' && caller.membership === null;
}

/** Direct conversations are found again by their member set, so nobody leaves them. */
export const canLeave = (c: ConversationFacts, caller: Caller) => c.kind === 'channel' && caller.membership !== null;

/** Posting, reacting and pinning are for members. */
export const canParticipate = (caller: Caller) => caller.membership !== null;

/** Topic: any member. Name: the channel's owner or a workspace admin. */
export function canUpdateConversation(c: ConversationFacts, caller: Caller, changesName: boolean): boolean {
  if (caller.membership === null) return false;
  if (!changesName) return true;
  return c.kind === 'channel' && (caller.membership === 'owner' || isWorkspaceAdmin(caller.role));
}

/** Private channels take new members only from their members; public ones also from workspace admins. */
export function canAddMembers(c: ConversationFacts, caller: Caller): boolean {
  if (c.kind !== 'channel') return false;
  return caller.membership !== null || (!c.isPrivate && isWorkspaceAdmin(caller.role));
}

export function canRemoveMembers(c: ConversationFacts, caller: Caller): boolean {
  return c.kind === 'channel' && (caller.membership === 'owner' || isWorkspaceAdmin(caller.role));
}

export const canArchive = canRemoveMembers;

export const canEditMessage = (authorId: string | null, caller: Caller) => authorId === caller.userId;

export function canDeleteMessage(authorId: string | null, caller: Caller): boolean {
  return authorId === caller.userId || isWorkspaceAdmin(caller.role);
}
