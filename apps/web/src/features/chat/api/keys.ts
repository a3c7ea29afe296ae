import { workspaceKeys } from '../../workspaces/api';

/**
 * Query keys of team chat. Everything sits under the workspace's detail key, so
 * leaving or deleting a workspace drops its chat caches too.
 */
export const chatKeys = {
  all: (workspaceId: string) => [...workspaceKeys.detail(workspaceId), 'chat'] as const,
  conversations: (workspaceId: string) => [...chatKeys.all(workspaceId), 'conversations'] as const,
  browse: (workspaceId: string) => [...chatKeys.all(workspaceId), 'browse'] as const,
  conversation: (workspaceId: string, conversationId: string) => [...chatKeys.all(workspaceId), 'conversation', conversationId] as const,
  conversationMembers: (workspaceId: string, conversationId: string) =>
    [...chatKeys.all(workspaceId), 'conversation-members', conversationId] as const,
  timelines: (workspaceId: string) => [...chatKeys.all(workspaceId), 'timeline'] as const,
  timeline: (workspaceId: string, conversationId: string) => [...chatKeys.timelines(workspaceId), conversationId] as const,
  threads: (workspaceId: string) => [...chatKeys.all(workspaceId), 'thread'] as const,
  thread: (workspaceId: string, rootId: string) => [...chatKeys.threads(workspaceId), rootId] as const,
  pins: (workspaceId: string, conversationId: string) => [...chatKeys.all(workspaceId), 'pins', conversationId] as const,
  edits: (workspaceId: string, messageId: string) => [...chatKeys.all(workspaceId), 'edits', messageId] as const,
  bookmarks: (workspaceId: string) => [...chatKeys.all(workspaceId), 'bookmarks'] as const,
  presence: (workspaceId: string) => [...chatKeys.all(workspaceId), 'presence'] as const,
  search: (workspaceId: string, q: string) => [...chatKeys.all(workspaceId), 'search', q] as const,
};

/** Which kind of chat query a key belongs to ('timeline', 'thread', 'conversations' …). */
export function chatKeyKind(queryKey: readonly unknown[]): string {
  return String(queryKey[4]);
}
