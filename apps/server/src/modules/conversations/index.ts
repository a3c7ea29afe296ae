import type { Ctx } from '../../platform/context';
import { listConversationIdsOfUser as idsOfUser } from './repository/conversations';
import { findAccess } from './service/runtime';

export { teamChatRoutes } from './routes/team-chat';
export { seedTeamChatDemo } from './demo';
export { prepareToSend, sendMessage, type SentMessage } from './service/send';
export { createConversation } from './service/create';
export { addMembers, joinConversation } from './service/members';
export { toggleReaction } from './service/annotations';
export { getMessage, listReadableConversationIds } from './service/messages';
export { listMemberStatuses } from './service/read-state';
export type { ConversationEvents, ConversationSnapshot } from './events';

/** Conversations a user is a member of in a workspace: the realtime gateway's audience for their events. */
export function listConversationIdsOfUser(ctx: Pick<Ctx, 'db'>, workspaceId: string, userId: string): Promise<string[]> {
  return idsOfUser(ctx.db, workspaceId, userId);
}

/**
 * Member ids of a conversation (null when it does not exist), from the same
 * short-lived cache the send path uses; kept fresh by membership events.
 */
export async function findConversationMemberIds(ctx: Pick<Ctx, 'db' | 'bus' | 'log' | 'metrics'>, conversationId: string): Promise<string[] | null> {
  const access = await findAccess(ctx, conversationId);
  return access ? [...access.members.keys()] : null;
}
