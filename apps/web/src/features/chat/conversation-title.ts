import type { Conversation } from '@aio/contracts';

/** A channel's name, or for a DM the other people in it ("Ada, Bob"); a DM with yourself is yours. */
export function conversationTitle(conversation: Pick<Conversation, 'kind' | 'name' | 'members'>, meId: string): string {
  if (conversation.kind !== 'direct') return conversation.name ?? 'unnamed';
  const members = conversation.members ?? [];
  const others = members.filter((m) => m.userId !== meId);
  if (others.length === 0) return members.length ? `${members[0]!.name} (you)` : 'Direct message';
  return others.map((m) => m.name).join(', ');
}

/** The person at the other end of a one-to-one DM (for the presence dot). */
export function directPeer(conversation: Conversation, meId: string): string | undefined {
  const others = (conversation.members ?? []).filter((m) => m.userId !== meId);
  return others.length === 1 ? others[0]!.userId : undefined;
}
