import type { Reaction } from '@aio/contracts';

/** The reactions after `userId` toggles `emoji` (what the server will answer, shown at once). */
export function toggleReaction(reactions: Reaction[], emoji: string, userId: string): Reaction[] {
  const existing = reactions.find((r) => r.emoji === emoji);
  if (!existing) return [...reactions, { emoji, count: 1, userIds: [userId] }];
  const mine = existing.userIds.includes(userId);
  const userIds = mine ? existing.userIds.filter((id) => id !== userId) : [...existing.userIds, userId];
  if (userIds.length === 0) return reactions.filter((r) => r.emoji !== emoji);
  return reactions.map((r) => (r.emoji === emoji ? { emoji, userIds, count: userIds.length } : r));
}
