import type { Message, MessagesPage, MessagesQuery, ThreadPage } from '@aio/contracts';
import type { WorkspaceCtx } from '../../../platform/context';
import { notFound } from '../../../platform/errors';
import { listBookmarkIds, listPinIds } from '../repository/annotations';
import { listConversationIdsOfUser, listPublicChannelIds } from '../repository/conversations';
import { findMessage, findMessagesByIds, listEdits, type MessageRow, threadScope, timelineScope } from '../repository/messages';
import { canBrowseChannels } from '../policies';
import { requireVisible, requireVisibleMessage } from './access';
import { pageBySeq } from './pagination';
import { viewMessages } from './views';

const PINS_LIMIT = 200;
const BOOKMARKS_LIMIT = 500;

export async function listMessages(ctx: WorkspaceCtx, conversationId: string, query: MessagesQuery): Promise<MessagesPage> {
  await requireVisible(ctx, conversationId);
  const page = await pageBySeq(ctx.db, timelineScope(conversationId), query);
  return { items: await viewMessages(ctx, ctx.actor.userId, page.rows), hasMoreBefore: page.hasMoreBefore, hasMoreAfter: page.hasMoreAfter };
}

export async function getMessage(ctx: WorkspaceCtx, messageId: string): Promise<Message> {
  const { message } = await requireVisibleMessage(ctx, messageId);
  const [view] = await viewMessages(ctx, ctx.actor.userId, [message]);
  return view!;
}

/** The thread a message belongs to (asked for by a reply, it is its root's), with a page of replies. */
export async function getThread(ctx: WorkspaceCtx, messageId: string, query: MessagesQuery): Promise<ThreadPage> {
  const { message } = await requireVisibleMessage(ctx, messageId);
  const root = message.threadRootId ? await findMessage(ctx.db, ctx.workspaceId, message.threadRootId) : message;
  if (!root) throw notFound('Message');
  const page = await pageBySeq(ctx.db, threadScope(root.id), query);
  const [rootView, ...replies] = await viewMessages(ctx, ctx.actor.userId, [root, ...page.rows]);
  return { root: rootView!, items: replies, hasMoreBefore: page.hasMoreBefore, hasMoreAfter: page.hasMoreAfter };
}

export async function listMessageEdits(ctx: WorkspaceCtx, messageId: string) {
  const { message } = await requireVisibleMessage(ctx, messageId);
  const edits = await listEdits(ctx.db, message.id);
  return edits.map((e) => ({ body: e.previousBody, editedAt: e.editedAt.toISOString(), editedBy: e.editedBy }));
}

/** Rows in the order of `ids` (pins and bookmarks are listed newest first, not by seq). */
async function inOrder(ctx: WorkspaceCtx, ids: string[]): Promise<MessageRow[]> {
  const byId = new Map((await findMessagesByIds(ctx.db, ids)).map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function listPins(ctx: WorkspaceCtx, conversationId: string): Promise<Message[]> {
  await requireVisible(ctx, conversationId);
  return viewMessages(ctx, ctx.actor.userId, await inOrder(ctx, await listPinIds(ctx.db, conversationId, PINS_LIMIT)));
}

/** Conversations whose messages the caller may read: theirs, and public channels unless they are a guest. */
export async function listReadableConversationIds(ctx: WorkspaceCtx): Promise<Set<string>> {
  const [mine, publicIds] = await Promise.all([
    listConversationIdsOfUser(ctx.db, ctx.workspaceId, ctx.actor.userId),
    canBrowseChannels(ctx.role) ? listPublicChannelIds(ctx.db, ctx.workspaceId) : [],
  ]);
  return new Set([...mine, ...publicIds]);
}

/** My bookmarks, newest first, leaving out those in conversations I can no longer read. */
export async function listBookmarks(ctx: WorkspaceCtx): Promise<Message[]> {
  const [rows, readable] = await Promise.all([
    inOrder(ctx, await listBookmarkIds(ctx.db, ctx.workspaceId, ctx.actor.userId, BOOKMARKS_LIMIT)),
    listReadableConversationIds(ctx),
  ]);
  return viewMessages(ctx, ctx.actor.userId, rows.filter((r) => readable.has(r.conversationId)));
}
