import type { Conversation, Message, Reaction } from '@aio/contracts';

/** Conversation snapshot in events: no caller-specific fields. */
export type ConversationSnapshot = Omit<Conversation, 'isMember' | 'readState'> & { memberIds?: string[] };

/**
 * Payloads of the durable events the gateway delivers (the server's
 * modules/conversations/events.ts, as seen from the browser).
 */
export interface ChatEvents {
  'message.created': { conversationId: string; message: Message };
  'message.updated': { conversationId: string; message: Message };
  'message.deleted': { conversationId: string; messageId: string; threadRootId: string | null };
  'reaction.changed': { conversationId: string; messageId: string; userId: string; emoji: string; added: boolean; reactions: Reaction[] };
  'thread.updated': { conversationId: string; rootId: string; replyCount: number; lastReplyAt: string | null; participantIds: string[] };
  'pin.changed': { conversationId: string; messageId: string; pinned: boolean; userId: string };
  'conversation.created': { conversation: ConversationSnapshot };
  'conversation.updated': { conversation: ConversationSnapshot };
  'conversation.member_added': { conversationId: string; userIds: string[] };
  'conversation.member_removed': { conversationId: string; userId: string };
  'read_state.updated': { conversationId: string; userId: string; lastReadSeq: number; unreadCount: number; mentionCount: number };
  'bookmark.changed': { userId: string; messageId: string; bookmarked: boolean };
  'thread.follow_changed': { userId: string; rootId: string; following: boolean };
  'status.changed': { userId: string; text: string; emoji: string; expiresAt: string | null };
}

export type ChatEventName = keyof ChatEvents;
