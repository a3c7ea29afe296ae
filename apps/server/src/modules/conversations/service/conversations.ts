import type { Conversation } from '@aio/contracts';
import type { DbOrTx } from '../../../db/client';
import type { WorkspaceCtx } from '../../../platform/context';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import { canArchive, canBrowseChannels, canUpdateConversation } from '../policies';
import * as repo from '../repository/conversations';
import { factsOf, lockVisible, requireNotArchived, requireVisible } from './access';
import { inChatTransaction } from './commit';
import { forgetConversation, snapshotEvent, viewConversation, viewConversations } from './conversation-views';

export async function listConversations(ctx: WorkspaceCtx, query: { filter: 'joined' | 'browse'; includeArchived: boolean }): Promise<Conversation[]> {
  if (query.filter === 'browse') {
    if (!canBrowseChannels(ctx.role)) throw forbidden('Guests cannot browse channels');
    const rows = await repo.listBrowsableChannels(ctx.db, ctx.workspaceId, ctx.actor.userId, query.includeArchived);
    return viewConversations(ctx, rows, new Set());
  }
  const joined = await repo.listJoinedConversations(ctx.db, ctx.workspaceId, ctx.actor.userId, query.includeArchived);
  return viewConversations(ctx, joined.map((j) => j.conversation), new Set(joined.map((j) => j.conversation.id)));
}

export async function getConversation(ctx: WorkspaceCtx, conversationId: string): Promise<Conversation> {
  const { caller } = await requireVisible(ctx, conversationId);
  const row = await repo.findConversation(ctx.db, ctx.workspaceId, conversationId);
  if (!row) throw notFound('Conversation');
  return viewConversation(ctx, row, caller.membership !== null);
}

/** `conversation.updated` for a conversation changed in `tx` (the Slack import uses it too). */
export const updatedEvent = (ctx: WorkspaceCtx, tx: DbOrTx, row: repo.ConversationRow) => snapshotEvent(ctx, tx, 'conversation.updated', row);

export async function updateConversation(ctx: WorkspaceCtx, conversationId: string, input: { name?: string; topic?: string }): Promise<Conversation> {
  try {
    const row = await inChatTransaction(ctx, ctx.workspaceId, async (tx) => {
      const { row, caller } = await lockVisible(tx, ctx, conversationId);
      if (!canUpdateConversation(factsOf(row), caller, input.name !== undefined)) {
        throw forbidden(row.kind === 'channel' ? 'Only the channel owner or an admin can rename it' : 'You cannot change this conversation');
      }
      requireNotArchived(factsOf(row));
      if (input.name !== undefined && input.name !== row.name && (await repo.findChannelByName(tx, ctx.workspaceId, input.name))) {
        throw conflict(`A channel named "${input.name}" already exists`);
      }
      const updated = await repo.updateConversation(tx, row.id, { name: input.name ?? row.name, topic: input.topic ?? row.topic });
      return { result: updated, events: [await updatedEvent(ctx, tx, updated)] };
    });
    forgetConversation(ctx, conversationId);
    return viewConversation(ctx, row, true);
  } catch (err) {
    if (repo.isUniqueViolation(err)) throw conflict(`A channel named "${input.name}" already exists`);
    throw err;
  }
}

/** Archiving makes a channel read-only; doing what is already done changes nothing and announces nothing. */
export async function setArchived(ctx: WorkspaceCtx, conversationId: string, archived: boolean): Promise<Conversation> {
  const { row, isMember } = await inChatTransaction(ctx, ctx.workspaceId, async (tx) => {
    const { row, caller } = await lockVisible(tx, ctx, conversationId);
    if (!canArchive(factsOf(row), caller)) throw forbidden('Only the channel owner or an admin can archive it');
    const isMember = caller.membership !== null;
    if ((row.archivedAt !== null) === archived) return { result: { row, isMember }, events: [] };
    const updated = await repo.updateConversation(tx, row.id, { archivedAt: archived ? new Date() : null });
    return { result: { row: updated, isMember }, events: [await updatedEvent(ctx, tx, updated)] };
  });
  forgetConversation(ctx, conversationId);
  return viewConversation(ctx, row, isMember);
}
