import type { Message } from '@aio/contracts';
import type { Tx } from '../../../db/client';
import type { WorkspaceCtx } from '../../../platform/context';
import { conflict, forbidden, notFound } from '../../../platform/errors';
import { parseEntities } from '../entities';
import { canDeleteMessage, canEditMessage } from '../policies';
import { clearReactions, deletePin } from '../repository/annotations';
import { findConversation } from '../repository/conversations';
import * as writes from '../repository/message-writes';
import { findMessageForUpdate, type MessageRow } from '../repository/messages';
import { requireNotArchived, requireVisibleMessage } from './access';
import { type ChatEvent, chatEvent, inChatTransaction } from './commit';
import { mentionRowsOf } from './mappers';
import { viewForEveryone, viewMessage } from './views';
import { mentionDirectory } from './workspace-members';

/** The message locked for the change, and whether its conversation still takes changes. */
async function lockMessage(tx: Tx, ctx: WorkspaceCtx, messageId: string): Promise<MessageRow> {
  const row = await findMessageForUpdate(tx, ctx.workspaceId, messageId);
  if (!row) throw notFound('Message');
  const conversation = await findConversation(tx, ctx.workspaceId, row.conversationId);
  if (!conversation) throw notFound('Message');
  requireNotArchived({ archived: conversation.archivedAt !== null });
  return row;
}

/** Only the author edits; each earlier text is kept in the message's edit history. */
export async function editMessage(ctx: WorkspaceCtx, messageId: string, body: string): Promise<Message> {
  const { access, caller } = await requireVisibleMessage(ctx, messageId);
  const entities = parseEntities(body, await mentionDirectory(ctx), { allowBroadcast: access.kind === 'channel' });
  const row = await inChatTransaction(ctx, ctx.workspaceId, async (tx) => {
    const row = await lockMessage(tx, ctx, messageId);
    if (!canEditMessage(row.authorId, caller)) throw forbidden('Only the author can edit a message');
    if (row.deletedAt) throw conflict('This message was deleted');
    if (row.body === body) return { result: row, events: [] };
    await writes.insertEdit(tx, { messageId: row.id, workspaceId: row.workspaceId, previousBody: row.body, editedBy: caller.userId });
    const updated = await writes.updateMessageBody(tx, row.id, body, entities);
    await writes.deleteMentions(tx, row.id);
    await writes.insertMentions(tx, mentionRowsOf(updated));
    const message = await viewForEveryone(ctx, tx, updated);
    const event = chatEvent('message.updated', { workspaceId: row.workspaceId, conversationId: row.conversationId, message }, { conversationId: row.conversationId });
    return { result: updated, events: [event] };
  });
  return viewMessage(ctx, ctx.actor.userId, row);
}

/**
 * The author or a workspace admin deletes; what stays is a tombstone holding
 * the message's place in the timeline and its thread, nothing of its content:
 * body, links, mentions, reactions, pin and edit history all go.
 */
export async function deleteMessage(ctx: WorkspaceCtx, messageId: string): Promise<void> {
  const { caller } = await requireVisibleMessage(ctx, messageId);
  await inChatTransaction(ctx, ctx.workspaceId, async (tx) => {
    const row = await lockMessage(tx, ctx, messageId);
    if (!canDeleteMessage(row.authorId, caller)) throw forbidden('Only the author or an admin can delete a message');
    if (row.deletedAt) return { result: undefined, events: [] };
    await writes.tombstoneMessage(tx, row.id);
    await clearReactions(tx, row.id);
    await writes.deleteMentions(tx, row.id);
    await writes.deleteEdits(tx, row.id);
    const base = { workspaceId: row.workspaceId, conversationId: row.conversationId };
    const events: ChatEvent[] = [chatEvent('message.deleted', { ...base, messageId: row.id, threadRootId: row.threadRootId }, { conversationId: row.conversationId })];
    if (await deletePin(tx, row.conversationId, row.id)) {
      events.push(chatEvent('pin.changed', { ...base, messageId: row.id, pinned: false, userId: caller.userId }, { conversationId: row.conversationId }));
    }
    return { result: undefined, events };
  });
}
