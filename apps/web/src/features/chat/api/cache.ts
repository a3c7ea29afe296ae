import type { Conversation, Message } from '@aio/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { chatKeyKind, chatKeys } from './keys';
import { addLiveMessage, belongsInChannel, mergeMessages, patchMessage, type Timeline } from './timeline';

/** A thread as cached: its root and the replies loaded so far (oldest first). */
export interface ThreadData {
  root: Message;
  replies: Message[];
  hasMoreBefore: boolean;
}

type MessageChange = (m: Message) => Message;

/**
 * Applies a change to one message wherever it is cached: its conversation's
 * timeline (every timeline when the conversation is not known) and any open
 * thread (as root or reply).
 */
export function updateCachedMessage(qc: QueryClient, workspaceId: string, conversationId: string | null, messageId: string, change: MessageChange) {
  if (conversationId) {
    qc.setQueryData<Timeline>(chatKeys.timeline(workspaceId, conversationId), (t) => t && patchMessage(t, messageId, change));
  } else {
    qc.setQueriesData<Timeline>({ queryKey: chatKeys.timelines(workspaceId) }, (t) => t && patchMessage(t, messageId, change));
  }
  qc.setQueriesData<ThreadData>({ queryKey: chatKeys.threads(workspaceId) }, (thread) => {
    if (!thread) return thread;
    if (thread.root.id === messageId) return { ...thread, root: change(thread.root) };
    const index = thread.replies.findIndex((m) => m.id === messageId);
    if (index < 0) return thread;
    const replies = thread.replies.slice();
    replies[index] = change(replies[index]!);
    return { ...thread, replies };
  });
}

/** Puts a new (or newly confirmed) message into its timeline and/or thread. */
export function insertCachedMessage(qc: QueryClient, workspaceId: string, message: Message) {
  if (belongsInChannel(message)) {
    qc.setQueryData<Timeline>(chatKeys.timeline(workspaceId, message.conversationId), (t) => t && addLiveMessage(t, message));
  }
  if (message.threadRootId) {
    qc.setQueryData<ThreadData>(chatKeys.thread(workspaceId, message.threadRootId), (thread) =>
      thread && { ...thread, replies: mergeMessages(thread.replies, [message]) },
    );
  }
}

type ConversationChange = (c: Conversation) => Conversation;

/** Applies a change to a conversation in the sidebar list and in its own cache entry. */
export function updateCachedConversation(qc: QueryClient, workspaceId: string, conversationId: string, change: ConversationChange) {
  qc.setQueryData<Conversation[]>(chatKeys.conversations(workspaceId), (list) =>
    list?.map((c) => (c.id === conversationId ? change(c) : c)),
  );
  qc.setQueryData<Conversation>(chatKeys.conversation(workspaceId, conversationId), (c) => c && change(c));
}

export function findCachedConversation(qc: QueryClient, workspaceId: string, conversationId: string): Conversation | undefined {
  return (
    qc.getQueryData<Conversation[]>(chatKeys.conversations(workspaceId))?.find((c) => c.id === conversationId) ??
    qc.getQueryData<Conversation>(chatKeys.conversation(workspaceId, conversationId))
  );
}

const CONVERSATION_QUERIES = new Set(['conversations', 'browse', 'conversation', 'conversation-members']);

/** Refetches everything about conversations (list, browse, details, members) that is on screen. */
export function refreshConversations(qc: QueryClient, workspaceId: string): Promise<void> {
  return qc.invalidateQueries({ queryKey: chatKeys.all(workspaceId), predicate: (q) => CONVERSATION_QUERIES.has(chatKeyKind(q.queryKey)) });
}
