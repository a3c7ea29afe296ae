import type { Message, SendMessageBody } from '@aio/contracts';
import type { WorkspaceCtx } from '../../../platform/context';
import { badRequest } from '../../../platform/errors';
import { parseEntities } from '../entities';
import { findMessage, type MessageRow } from '../repository/messages';
import { requireParticipant, requireVisible } from './access';
import { neutralView, toMessage } from './mappers';
import { chatRuntime, findAccess } from './runtime';
import { loadAuthors, viewMessage } from './views';
import { mentionDirectory } from './workspace-members';

export interface SentMessage {
  message: Message;
  /** The client id had been used already: `message` is the one stored then, nothing new was written. */
  duplicate: boolean;
}

/** Threads are one level deep: a reply's root must be a top-level message of the same conversation. */
async function findThreadRoot(ctx: WorkspaceCtx, conversationId: string, rootId: string): Promise<MessageRow> {
  const root = await findMessage(ctx.db, ctx.workspaceId, rootId);
  if (!root || root.conversationId !== conversationId) throw badRequest('threadRootId is not a message of this conversation');
  if (root.threadRootId !== null) throw badRequest('Reply to the thread’s first message, not to a reply');
  return root;
}

/**
 * Sends a message as the caller (HTTP and WebSocket alike). The checks before
 * the write read only caches, except for a thread reply's root; the write
 * joins the writer's next batch. Sending the same clientId again answers with
 * the first message and `duplicate: true`.
 */
export async function sendMessage(ctx: WorkspaceCtx, conversationId: string, input: SendMessageBody): Promise<SentMessage> {
  const visible = await requireVisible(ctx, conversationId);
  requireParticipant(visible);
  const userId = ctx.actor.userId;
  const [root, directory, authors] = await Promise.all([
    input.threadRootId ? findThreadRoot(ctx, conversationId, input.threadRootId) : null,
    mentionDirectory(ctx),
    loadAuthors(ctx, [userId]),
  ]);
  const author = authors.get(userId)!;
  const outcome = await chatRuntime(ctx).writer.send({
    workspaceId: ctx.workspaceId,
    conversationId,
    authorId: userId,
    author,
    clientId: input.clientId,
    body: input.body,
    entities: parseEntities(input.body, directory, { allowBroadcast: visible.access.kind === 'channel' }),
    threadRoot: root ? { id: root.id, authorId: root.authorId } : null,
    alsoInChannel: input.alsoSendToChannel ?? false,
  });
  if (outcome.duplicate) return { message: await viewMessage(ctx, userId, outcome.row), duplicate: true };
  return { message: toMessage(outcome.row, neutralView(author)), duplicate: false };
}

/**
 * Loads what this member's first sends will read (their conversations'
 * access, their name and picture, the workspace's mention directory) into
 * the send path's caches. The realtime gateway calls it when a member
 * connects, so the first message after a start does not queue behind the
 * database for what every later one finds in memory.
 */
export async function prepareToSend(ctx: WorkspaceCtx, conversationIds: string[]): Promise<void> {
  await Promise.all([...conversationIds.map((id) => findAccess(ctx, id)), loadAuthors(ctx, [ctx.actor.userId]), mentionDirectory(ctx)]);
}
