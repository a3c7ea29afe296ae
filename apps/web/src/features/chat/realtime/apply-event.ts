import type { Conversation, Message, ServerEventFrame } from '@aio/contracts';
import type { QueryClient } from '@tanstack/react-query';
import {
  findCachedConversation,
  insertCachedMessage,
  refreshConversations,
  updateCachedConversation,
  updateCachedMessage,
} from '../api/cache';
import { chatKeys } from '../api/keys';
import { pendingStore } from '../api/pending-store';
import type { PresenceMap } from '../api/presence-api';
import { belongsInChannel, tombstone } from '../api/timeline';
import type { ChatEventName, ChatEvents } from './event-types';
import { mentionsUser } from './mentions-me';
import { typingPlace, type TypingStore } from './typing-store';

export interface ApplyContext {
  qc: QueryClient;
  workspaceId: string;
  meId: string;
  typing: TypingStore;
  /** The conversation is open and the tab visible: new messages there are read at once. */
  isViewing(conversationId: string): boolean;
  markRead(conversationId: string, seq: number): void;
  notify(conversation: Conversation, message: Message): void;
}

type Handlers = { [K in ChatEventName]: (ctx: ApplyContext, data: ChatEvents[K]) => void };

/** Per-user parts of a message (bookmark, thread following) that a shared event payload cannot know. */
function keepMine(incoming: Message): (cached: Message) => Message {
  return (cached) => ({
    ...incoming,
    bookmarked: cached.bookmarked,
    thread: incoming.thread && cached.thread ? { ...incoming.thread, following: cached.thread.following } : incoming.thread,
  });
}

/**
 * Moves the conversation's newest-message marker and its unread counts. The
 * seq check makes this idempotent: a replayed event is not counted twice.
 */
function countNewMessage(ctx: ApplyContext, message: Message): void {
  const conversation = findCachedConversation(ctx.qc, ctx.workspaceId, message.conversationId);
  if (!conversation) return void refreshConversations(ctx.qc, ctx.workspaceId);
  if (conversation.lastMessageSeq !== null && message.seq <= conversation.lastMessageSeq) return;
  const fromMe = message.author.type === 'member' && message.author.id === ctx.meId;
  const counts = belongsInChannel(message) && !fromMe;
  const viewing = ctx.isViewing(message.conversationId);
  const mentioned = mentionsUser(message, ctx.meId);
  updateCachedConversation(ctx.qc, ctx.workspaceId, message.conversationId, (c) => {
    const state = c.readState;
    let readState = state;
    if (state && fromMe) readState = { lastReadSeq: message.seq, unreadCount: 0, mentionCount: 0 };
    else if (state && counts && !viewing) {
      readState = { ...state, unreadCount: state.unreadCount + 1, mentionCount: state.mentionCount + (mentioned ? 1 : 0) };
    }
    return { ...c, lastMessageSeq: message.seq, lastMessageAt: message.createdAt, readState };
  });
  if (counts && viewing) ctx.markRead(message.conversationId, message.seq);
  if (!fromMe && (conversation.kind === 'direct' || mentioned)) ctx.notify(conversation, message);
}

const handlers: Handlers = {
  'message.created': (ctx, { message }) => {
    if (message.author.id === ctx.meId) pendingStore.resolve(message.clientId);
    if (message.author.id) ctx.typing.remove(typingPlace(message.conversationId, message.threadRootId), message.author.id);
    insertCachedMessage(ctx.qc, ctx.workspaceId, message);
    countNewMessage(ctx, message);
  },
  'message.updated': (ctx, { conversationId, message }) =>
    updateCachedMessage(ctx.qc, ctx.workspaceId, conversationId, message.id, keepMine(message)),
  'message.deleted': (ctx, { conversationId, messageId }) =>
    updateCachedMessage(ctx.qc, ctx.workspaceId, conversationId, messageId, tombstone),
  'reaction.changed': (ctx, { conversationId, messageId, reactions }) =>
    updateCachedMessage(ctx.qc, ctx.workspaceId, conversationId, messageId, (m) => ({ ...m, reactions })),
  'thread.updated': (ctx, { conversationId, rootId, replyCount, lastReplyAt, participantIds }) =>
    updateCachedMessage(ctx.qc, ctx.workspaceId, conversationId, rootId, (m) => ({
      ...m,
      thread: { replyCount, lastReplyAt, participantIds, following: m.thread?.following ?? participantIds.includes(ctx.meId) },
    })),
  'pin.changed': (ctx, { conversationId, messageId, pinned }) => {
    updateCachedMessage(ctx.qc, ctx.workspaceId, conversationId, messageId, (m) => ({ ...m, pinned }));
    void ctx.qc.invalidateQueries({ queryKey: chatKeys.pins(ctx.workspaceId, conversationId) });
  },
  'conversation.created': (ctx) => void refreshConversations(ctx.qc, ctx.workspaceId),
  'conversation.updated': (ctx, { conversation }) => {
    const { memberIds: _, ...snapshot } = conversation;
    updateCachedConversation(ctx.qc, ctx.workspaceId, conversation.id, (c) => ({ ...c, ...snapshot }));
    void ctx.qc.invalidateQueries({ queryKey: chatKeys.browse(ctx.workspaceId) });
  },
  'conversation.member_added': (ctx) => void refreshConversations(ctx.qc, ctx.workspaceId),
  'conversation.member_removed': (ctx, { conversationId, userId }) => {
    if (userId === ctx.meId) {
      ctx.qc.setQueryData<Conversation[]>(chatKeys.conversations(ctx.workspaceId), (list) => list?.filter((c) => c.id !== conversationId));
    }
    void refreshConversations(ctx.qc, ctx.workspaceId);
  },
  'read_state.updated': (ctx, { conversationId, userId, lastReadSeq, unreadCount, mentionCount }) => {
    if (userId !== ctx.meId) return;
    updateCachedConversation(ctx.qc, ctx.workspaceId, conversationId, (c) => ({ ...c, readState: { lastReadSeq, unreadCount, mentionCount } }));
  },
  'bookmark.changed': (ctx, { userId, messageId, bookmarked }) => {
    if (userId !== ctx.meId) return;
    updateCachedMessage(ctx.qc, ctx.workspaceId, null, messageId, (m) => ({ ...m, bookmarked }));
    void ctx.qc.invalidateQueries({ queryKey: chatKeys.bookmarks(ctx.workspaceId) });
  },
  'thread.follow_changed': (ctx, { userId, rootId, following }) => {
    if (userId !== ctx.meId) return;
    updateCachedMessage(ctx.qc, ctx.workspaceId, null, rootId, (m) => (m.thread ? { ...m, thread: { ...m.thread, following } } : m));
  },
  'status.changed': (ctx, { userId, text, emoji, expiresAt }) =>
    ctx.qc.setQueryData<PresenceMap>(chatKeys.presence(ctx.workspaceId), (map) => {
      const current = map?.[userId];
      if (!map || !current) return map;
      return { ...map, [userId]: { ...current, statusText: text, statusEmoji: emoji, statusExpiresAt: expiresAt } };
    }),
};

/** Applies one durable event to the query cache; unknown names (other domains) are ignored. */
export function applyEvent(ctx: ApplyContext, frame: ServerEventFrame): void {
  const handler = (handlers as Record<string, ((ctx: ApplyContext, data: unknown) => void) | undefined>)[frame.name];
  handler?.(ctx, frame.data);
}
