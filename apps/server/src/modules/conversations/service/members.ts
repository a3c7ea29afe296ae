import type { Conversation, ConversationMember } from '@aio/contracts';
import type { Deps, WorkspaceCtx } from '../../../platform/context';
import { forbidden, notFound } from '../../../platform/errors';
import { canAddMembers, canJoin, canLeave, canRemoveMembers } from '../policies';
import * as repo from '../repository/conversations';
import { factsOf, lockVisible, requireNotArchived, requireVisible } from './access';
import { type ChatEvent, chatEvent, inChatTransaction } from './commit';
import { forgetConversation, toConversationMembers, viewConversation } from './conversation-views';
import { chatRuntime } from './runtime';
import { requireWorkspaceMembers } from './workspace-members';

function addedEvent(workspaceId: string, conversationId: string, userIds: string[]): ChatEvent {
  return chatEvent('conversation.member_added', { workspaceId, conversationId, userIds }, { conversationId });
}

/** To the remaining members, and to the one who left: they are no longer in the conversation's audience. */
function removedEvents(workspaceId: string, conversationId: string, userId: string): ChatEvent[] {
  const payload = { workspaceId, conversationId, userId };
  return [chatEvent('conversation.member_removed', payload, { conversationId }), chatEvent('conversation.member_removed', payload, { userId })];
}

export async function joinConversation(ctx: WorkspaceCtx, conversationId: string): Promise<Conversation> {
  const row = await inChatTransaction(ctx, ctx.workspaceId, async (tx) => {
    const { row, caller } = await lockVisible(tx, ctx, conversationId);
    if (caller.membership !== null) return { result: row, events: [] };
    if (!canJoin(factsOf(row), caller)) throw forbidden('Only public channels can be joined');
    requireNotArchived(factsOf(row));
    await repo.insertMembers(tx, row.id, ctx.workspaceId, [{ userId: ctx.actor.userId, role: 'member' }]);
    return { result: row, events: [addedEvent(ctx.workspaceId, row.id, [ctx.actor.userId])] };
  });
  forgetConversation(ctx, conversationId);
  return viewConversation(ctx, row, true);
}

export async function leaveConversation(ctx: WorkspaceCtx, conversationId: string): Promise<void> {
  await inChatTransaction(ctx, ctx.workspaceId, async (tx) => {
    const { row, caller } = await lockVisible(tx, ctx, conversationId);
    if (!canLeave(factsOf(row), caller)) throw forbidden(row.kind === 'channel' ? 'You are not a member' : 'Direct conversations cannot be left');
    await repo.deleteMember(tx, row.id, ctx.actor.userId);
    return { result: undefined, events: removedEvents(ctx.workspaceId, row.id, ctx.actor.userId) };
  });
  forgetConversation(ctx, conversationId);
}

export async function addMembers(ctx: WorkspaceCtx, conversationId: string, userIds: string[]): Promise<ConversationMember[]> {
  const wanted = [...new Set(userIds)];
  await requireWorkspaceMembers(ctx, wanted);
  const members = await inChatTransaction(ctx, ctx.workspaceId, async (tx) => {
    const { row, caller } = await lockVisible(tx, ctx, conversationId);
    if (!canAddMembers(factsOf(row), caller)) throw forbidden('You cannot add people to this conversation');
    requireNotArchived(factsOf(row));
    const added = await repo.insertMembers(tx, row.id, ctx.workspaceId, wanted.map((userId) => ({ userId, role: 'member' as const })));
    const members = await repo.listMembersOf(tx, [row.id]);
    return { result: members, events: added.length > 0 ? [addedEvent(ctx.workspaceId, row.id, added)] : [] };
  });
  forgetConversation(ctx, conversationId);
  return toConversationMembers(ctx, members);
}

export async function removeMember(ctx: WorkspaceCtx, conversationId: string, userId: string): Promise<void> {
  if (userId === ctx.actor.userId) return leaveConversation(ctx, conversationId);
  await inChatTransaction(ctx, ctx.workspaceId, async (tx) => {
    const { row, caller } = await lockVisible(tx, ctx, conversationId);
    if (!canRemoveMembers(factsOf(row), caller)) throw forbidden('Only the channel owner or an admin can remove members');
    if (!(await repo.deleteMember(tx, row.id, userId))) throw notFound('Member');
    return { result: undefined, events: removedEvents(ctx.workspaceId, row.id, userId) };
  });
  forgetConversation(ctx, conversationId);
}

export async function listConversationMembers(ctx: WorkspaceCtx, conversationId: string): Promise<ConversationMember[]> {
  await requireVisible(ctx, conversationId);
  return toConversationMembers(ctx, await repo.listMembersOf(ctx.db, [conversationId]));
}

/**
 * Someone removed from (or leaving) the workspace leaves all its
 * conversations. Every node hears `member.removed`; the delete is idempotent,
 * so only the node that actually removed rows announces it.
 */
export async function removeFromAllConversations(deps: Pick<Deps, 'db' | 'bus' | 'log' | 'metrics'>, workspaceId: string, userId: string): Promise<void> {
  const left = await inChatTransaction(deps, workspaceId, async (tx) => {
    const conversationIds = await repo.deleteMembershipsOfUser(tx, workspaceId, userId);
    return { result: conversationIds, events: conversationIds.flatMap((id) => removedEvents(workspaceId, id, userId)) };
  });
  for (const id of left) chatRuntime(deps).access.delete(id);
}
