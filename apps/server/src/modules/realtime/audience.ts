import { NOOP_EVENT, type RecordedEvent } from '../../platform/events/log';
import type { ConversationEvents } from '../conversations/index';
import type { Connection } from './connection';

type Audience = Pick<RecordedEvent, 'name' | 'conversationId' | 'userId' | 'payload'> & {
  /** Members of a new public channel, looked up by the room (its event does not list them). */
  joinedUserIds?: string[];
};

/** Who an event makes a member of a conversation. */
export function joinsOf(event: Audience): { conversationId: string; userIds: string[] } | null {
  if (event.name === 'conversation.member_added') {
    const p = event.payload as ConversationEvents['conversation.member_added'];
    return { conversationId: p.conversationId, userIds: p.userIds };
  }
  if (event.name === 'conversation.created') {
    const { conversation } = event.payload as ConversationEvents['conversation.created'];
    const userIds = event.joinedUserIds ?? conversation.memberIds ?? (conversation.createdBy ? [conversation.createdBy] : []);
    return { conversationId: conversation.id, userIds };
  }
  return null;
}

/**
 * A new public channel whose event names no members (anyone may see it) but
 * that starts with more than its creator: who is in it must be looked up
 * before its next events are routed.
 */
export function newChannelToLookUp(event: Audience): string | null {
  if (event.name !== 'conversation.created' || event.joinedUserIds) return null;
  const { conversation } = event.payload as ConversationEvents['conversation.created'];
  return !conversation.memberIds && conversation.memberCount > 1 ? conversation.id : null;
}

/** Who an event takes out of a conversation. */
export function leaveOf(event: Audience): { conversationId: string; userId: string } | null {
  if (event.name !== 'conversation.member_removed') return null;
  const p = event.payload as ConversationEvents['conversation.member_removed'];
  return { conversationId: p.conversationId, userId: p.userId };
}

/**
 * The audience rule of the durable log (log-schema.ts): a conversation's
 * events go to its members, a user's to that user, the rest to everyone in the
 * workspace. Membership changes apply before the event is routed, so a new
 * member gets the event that added them, and a removed one does not get the
 * conversation's copy (the producer sends them their own, by user).
 */
export function isInAudience(event: Audience, userId: string, conversationIds: ReadonlySet<string>): boolean {
  if (event.name === NOOP_EVENT) return false;
  if (event.userId !== null && event.userId !== userId) return false;
  return event.conversationId === null || conversationIds.has(event.conversationId);
}

/** Replays an event's membership change on one member's set of conversation ids. */
export function applyMembership(event: Audience, userId: string, conversationIds: Set<string>): void {
  const joins = joinsOf(event);
  if (joins?.userIds.includes(userId)) conversationIds.add(joins.conversationId);
  const leave = leaveOf(event);
  if (leave?.userId === userId) conversationIds.delete(leave.conversationId);
}

/** A user with live connections on this node, and the conversations they are in. */
export interface LocalMember {
  userId: string;
  connections: Set<Connection>;
  conversationIds: Set<string>;
}

/**
 * One workspace's routing index on this node: userId → member, and
 * conversationId → its members connected here. Built from the database when a
 * user connects, then kept current by the membership events themselves.
 */
export class MemberIndex {
  readonly users = new Map<string, LocalMember>();
  private readonly byConversation = new Map<string, Set<LocalMember>>();

  add(member: LocalMember): void {
    this.users.set(member.userId, member);
    for (const id of member.conversationIds) this.link(id, member);
  }

  remove(member: LocalMember): void {
    this.users.delete(member.userId);
    for (const id of member.conversationIds) this.unlink(id, member);
  }

  /** Applies the membership change an event carries, for the members connected here. */
  apply(event: Audience): void {
    const joins = joinsOf(event);
    for (const userId of joins?.userIds ?? []) {
      const member = this.users.get(userId);
      if (member && !member.conversationIds.has(joins!.conversationId)) {
        member.conversationIds.add(joins!.conversationId);
        this.link(joins!.conversationId, member);
      }
    }
    const leave = leaveOf(event);
    const leaver = leave && this.users.get(leave.userId);
    if (leaver && leaver.conversationIds.delete(leave.conversationId)) this.unlink(leave.conversationId, leaver);
  }

  /** The members connected here who may see the event. */
  *audienceOf(event: Audience): Iterable<LocalMember> {
    if (event.userId !== null) {
      const member = this.users.get(event.userId);
      if (member && isInAudience(event, member.userId, member.conversationIds)) yield member;
    } else if (event.conversationId === null) {
      yield* this.users.values();
    } else {
      yield* this.byConversation.get(event.conversationId) ?? [];
    }
  }

  membersOf(conversationId: string): Iterable<LocalMember> {
    return this.byConversation.get(conversationId) ?? [];
  }

  private link(conversationId: string, member: LocalMember): void {
    let set = this.byConversation.get(conversationId);
    if (!set) this.byConversation.set(conversationId, (set = new Set()));
    set.add(member);
  }

  private unlink(conversationId: string, member: LocalMember): void {
    const set = this.byConversation.get(conversationId);
    if (!set) return;
    set.delete(member);
    if (set.size === 0) this.byConversation.delete(conversationId);
  }
}
