import type { Reaction } from '@aio/contracts';
import type { Tx } from '../../../db/client';
import type { WorkspaceCtx } from '../../../platform/context';
import { conflict, notFound } from '../../../platform/errors';
import * as repo from '../repository/annotations';
import { findMessageForUpdate, type MessageRow } from '../repository/messages';
import { requireParticipant, requireVisibleMessage } from './access';
import { chatEvent, inChatTransaction } from './commit';
import { groupReactions } from './mappers';

/** Locked, so concurrent toggles on one message each see the other's result. */
async function lockLiveMessage(tx: Tx, ctx: WorkspaceCtx, messageId: string): Promise<MessageRow> {
  const row = await findMessageForUpdate(tx, ctx.workspaceId, messageId);
  if (!row) throw notFound('Message');
  if (row.deletedAt) throw conflict('This message was deleted');
  return row;
}

/** Adds the caller's reaction, or takes it back if they had it; answers with the message's reactions. */
export async function toggleReaction(ctx: WorkspaceCtx, messageId: string, emoji: string): Promise<Reaction[]> {
  requireParticipant(await requireVisibleMessage(ctx, messageId));
  const userId = ctx.actor.userId;
  return inChatTransaction(ctx, ctx.workspaceId, async (tx) => {
    const row = await lockLiveMessage(tx, ctx, messageId);
    const added = await repo.toggleReaction(tx, { messageId: row.id, workspaceId: row.workspaceId, userId, emoji });
    const reactions = groupReactions(await repo.listReactions(tx, [row.id])).get(row.id) ?? [];
    const payload = { workspaceId: row.workspaceId, conversationId: row.conversationId, messageId: row.id, userId, emoji, added, reactions };
    return { result: reactions, events: [chatEvent('reaction.changed', payload, { conversationId: row.conversationId })] };
  });
}

/** Pinning what is pinned (or unpinning what is not) changes nothing and announces nothing. */
export async function setPinned(ctx: WorkspaceCtx, messageId: string, pinned: boolean): Promise<void> {
  requireParticipant(await requireVisibleMessage(ctx, messageId));
  const userId = ctx.actor.userId;
  await inChatTransaction(ctx, ctx.workspaceId, async (tx) => {
    const row = pinned ? await lockLiveMessage(tx, ctx, messageId) : await findMessageForUpdate(tx, ctx.workspaceId, messageId);
    if (!row) throw notFound('Message');
    const changed = pinned
      ? await repo.insertPin(tx, { conversationId: row.conversationId, messageId: row.id, workspaceId: row.workspaceId, pinnedBy: userId })
      : await repo.deletePin(tx, row.conversationId, row.id);
    const payload = { workspaceId: row.workspaceId, conversationId: row.conversationId, messageId: row.id, pinned, userId };
    return { result: undefined, events: changed ? [chatEvent('pin.changed', payload, { conversationId: row.conversationId })] : [] };
  });
}

/** Bookmarks are private: anyone who can read the message may keep one; only their own devices hear of it. */
export async function setBookmarked(ctx: WorkspaceCtx, messageId: string, bookmarked: boolean): Promise<void> {
  const { message } = await requireVisibleMessage(ctx, messageId);
  const userId = ctx.actor.userId;
  await inChatTransaction(ctx, ctx.workspaceId, async (tx) => {
    const changed = bookmarked
      ? await repo.insertBookmark(tx, { userId, messageId: message.id, workspaceId: ctx.workspaceId })
      : await repo.deleteBookmark(tx, userId, message.id);
    const payload = { workspaceId: ctx.workspaceId, userId, messageId: message.id, bookmarked };
    return { result: undefined, events: changed ? [chatEvent('bookmark.changed', payload, { userId })] : [] };
  });
}

/** Follows (or stops following) the thread a message starts or belongs to. */
export async function setFollowing(ctx: WorkspaceCtx, messageId: string, following: boolean): Promise<void> {
  const { message } = await requireVisibleMessage(ctx, messageId);
  const userId = ctx.actor.userId;
  const rootId = message.threadRootId ?? message.id;
  await inChatTransaction(ctx, ctx.workspaceId, async (tx) => {
    await repo.setFollow(tx, { threadRootId: rootId, userId, workspaceId: ctx.workspaceId, following });
    const payload = { workspaceId: ctx.workspaceId, userId, rootId, following };
    return { result: undefined, events: [chatEvent('thread.follow_changed', payload, { userId })] };
  });
}
