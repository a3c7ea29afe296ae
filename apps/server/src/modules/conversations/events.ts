import type { Conversation, Message, Reaction } from '@aio/contracts';

/**
 * Domain events of team chat, on the bus after commit. Each is also written to
 * the workspace's durable event log (platform/events/log.ts) in the same
 * transaction as the change, under the same name with the payload below; the
 * realtime gateway delivers those records (bus event `events.recorded`).
 *
 * Conversation snapshots carry no caller-specific fields (isMember, readState).
 */
export type ConversationSnapshot = Omit<Conversation, 'isMember' | 'readState'> & {
  /** Direct and private conversations: who may receive its events. */
  memberIds?: string[];
};

export interface ConversationEvents {
  'message.created': { workspaceId: string; conversationId: string; message: Message };
  'message.updated': { workspaceId: string; conversationId: string; message: Message };
  'message.deleted': { workspaceId: string; conversationId: string; messageId: string; threadRootId: string | null };
  'reaction.changed': {
    workspaceId: string;
    conversationId: string;
    messageId: string;
    userId: string;
    emoji: string;
    added: boolean;
    reactions: Reaction[];
  };
  'thread.updated': {
    workspaceId: string;
    conversationId: string;
    rootId: string;
    replyCount: number;
    lastReplyAt: string | null;
    participantIds: string[];
  };
  'pin.changed': { workspaceId: string; conversationId: string; messageId: string; pinned: boolean; userId: string };
  'conversation.created': { workspaceId: string; conversation: ConversationSnapshot };
  'conversation.updated': { workspaceId: string; conversation: ConversationSnapshot };
  'conversation.member_added': { workspaceId: string; conversationId: string; userIds: string[] };
  'conversation.member_removed': { workspaceId: string; conversationId: string; userId: string };
  /** Audience: the user only (their other devices). */
  'read_state.updated': { workspaceId: string; conversationId: string; userId: string; lastReadSeq: number; unreadCount: number; mentionCount: number };
  'bookmark.changed': { workspaceId: string; userId: string; messageId: string; bookmarked: boolean };
  'thread.follow_changed': { workspaceId: string; userId: string; rootId: string; following: boolean };
  /** Audience: the whole workspace. */
  'status.changed': { workspaceId: string; userId: string; text: string; emoji: string; expiresAt: string | null };
}
