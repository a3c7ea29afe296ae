import type { Conversation } from '@aio/contracts';
import { conversationTitle } from '../conversation-title';

export interface SidebarSections {
  channels: Conversation[];
  directs: Conversation[];
}

/** Channels by name; direct messages with the most recent first (as Slack lists them). */
export function sidebarSections(conversations: Conversation[], meId: string): SidebarSections {
  const live = conversations.filter((c) => c.isMember && !c.archivedAt);
  const channels = live
    .filter((c) => c.kind === 'channel')
    .sort((a, b) => conversationTitle(a, meId).localeCompare(conversationTitle(b, meId)));
  const directs = live
    .filter((c) => c.kind === 'direct')
    .sort((a, b) => (b.lastMessageAt ?? b.createdAt).localeCompare(a.lastMessageAt ?? a.createdAt));
  return { channels, directs };
}

/** The conversation `step` places away in sidebar order (wrapping around). */
export function neighbourConversation(conversations: Conversation[], meId: string, currentId: string, step: 1 | -1): Conversation | undefined {
  const { channels, directs } = sidebarSections(conversations, meId);
  const ordered = [...channels, ...directs];
  if (ordered.length === 0) return undefined;
  const index = ordered.findIndex((c) => c.id === currentId);
  return ordered[(index + step + ordered.length) % ordered.length];
}
