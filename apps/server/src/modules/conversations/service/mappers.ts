import type { Conversation, Message, Reaction, ReadState } from '@aio/contracts';
import type { ConversationSnapshot } from '../events';
import type { ReactionRow } from '../repository/annotations';
import type { ConversationRow } from '../repository/conversations';
import type { MentionRow } from '../repository/message-writes';
import type { MessageRow } from '../repository/messages';
import type { AuthorInfo } from './runtime';

export type MemberSummary = NonNullable<Conversation['members']>[number];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * What everyone may know about a conversation. Private and direct ones carry
 * their member ids: the realtime gateway delivers their events to those only.
 */
export function toSnapshot(row: ConversationRow, memberIds: string[], members?: MemberSummary[]): ConversationSnapshot {
  const snapshot: ConversationSnapshot = {
    id: row.id,
    workspaceId: row.workspaceId,
    kind: row.kind,
    name: row.name,
    topic: row.topic,
    isPrivate: row.isPrivate,
    archivedAt: iso(row.archivedAt),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastMessageSeq: row.lastMessageSeq,
    lastMessageAt: iso(row.lastMessageAt),
    memberCount: memberIds.length,
  };
  if (members) snapshot.members = members;
  if (row.isPrivate || row.kind !== 'channel') snapshot.memberIds = memberIds;
  return snapshot;
}

export function toConversation(
  row: ConversationRow,
  view: { memberCount: number; members?: MemberSummary[]; isMember: boolean; readState: ReadState | null },
): Conversation {
  const { memberIds: _hidden, ...shared } = toSnapshot(row, [], view.members);
  return { ...shared, memberCount: view.memberCount, isMember: view.isMember, readState: view.readState };
}

/** Reactions per message, each emoji in the order it was first used. */
export function groupReactions(rows: ReactionRow[]): Map<string, Reaction[]> {
  const byMessage = new Map<string, Map<string, Reaction>>();
  for (const r of rows) {
    const emojis = byMessage.get(r.messageId) ?? new Map<string, Reaction>();
    byMessage.set(r.messageId, emojis);
    const reaction = emojis.get(r.emoji) ?? { emoji: r.emoji, count: 0, userIds: [] };
    emojis.set(r.emoji, reaction);
    reaction.count += 1;
    reaction.userIds.push(r.userId);
  }
  return new Map([...byMessage].map(([id, emojis]) => [id, [...emojis.values()]]));
}

/** How the viewer relates to a message: filled per caller, neutral in broadcast events. */
export interface MessageView {
  author: AuthorInfo;
  reactions: Reaction[];
  pinned: boolean;
  bookmarked: boolean;
  following: boolean;
}

export function neutralView(author: AuthorInfo): MessageView {
  return { author, reactions: [], pinned: false, bookmarked: false, following: false };
}

export function toMessage(row: MessageRow, view: MessageView): Message {
  const isRootWithReplies = row.threadRootId === null && row.replyCount > 0;
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    conversationId: row.conversationId,
    seq: row.seq,
    clientId: row.clientId,
    author: { type: row.authorType, id: row.authorId, name: view.author.name, image: view.author.image },
    body: row.body,
    entities: row.entities,
    threadRootId: row.threadRootId,
    alsoInChannel: row.alsoInChannel,
    thread: isRootWithReplies
      ? { replyCount: row.replyCount, lastReplyAt: iso(row.lastReplyAt), participantIds: row.threadParticipants, following: view.following }
      : null,
    reactions: view.reactions,
    pinned: view.pinned,
    bookmarked: view.bookmarked,
    editedAt: iso(row.editedAt),
    deletedAt: iso(row.deletedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

/** Participants follow a thread unless they opted out; anyone may opt in. */
export function isFollowing(row: MessageRow, userId: string, choice: boolean | undefined): boolean {
  return choice ?? row.threadParticipants.includes(userId);
}

/** One mention row per person (or @channel / @here) a message names, however often it names them. */
export function mentionRowsOf(row: MessageRow): MentionRow[] {
  const targets = new Map(row.entities.mentions.map((m) => [m.kind === 'user' ? `user:${m.userId}` : m.kind, m]));
  return [...targets.values()].map((m) => ({
    messageId: row.id,
    conversationId: row.conversationId,
    workspaceId: row.workspaceId,
    seq: row.seq,
    kind: m.kind,
    userId: m.userId ?? null,
  }));
}
