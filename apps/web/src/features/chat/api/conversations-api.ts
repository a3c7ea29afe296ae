import type { Conversation, CreateConversationBody } from '@aio/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api';
import { refreshConversations } from './cache';
import { chatKeys } from './keys';
import { chatPaths } from './paths';

export interface ConversationMember {
  userId: string;
  name: string;
  image: string | null;
}

export const conversationsQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: chatKeys.conversations(workspaceId),
    queryFn: ({ signal }) =>
      api.get<{ items: Conversation[] }>(withQuery(chatPaths.conversations(workspaceId), { filter: 'joined' }), signal).then((r) => r.items),
  });

export const browseChannelsQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: chatKeys.browse(workspaceId),
    queryFn: ({ signal }) =>
      api.get<{ items: Conversation[] }>(withQuery(chatPaths.conversations(workspaceId), { filter: 'browse' }), signal).then((r) => r.items),
    staleTime: 0,
  });

export const conversationQuery = (workspaceId: string, conversationId: string) =>
  queryOptions({
    queryKey: chatKeys.conversation(workspaceId, conversationId),
    queryFn: ({ signal }) => api.get<Conversation>(chatPaths.conversation(workspaceId, conversationId), signal),
  });

export const conversationMembersQuery = (workspaceId: string, conversationId: string) =>
  queryOptions({
    queryKey: chatKeys.conversationMembers(workspaceId, conversationId),
    queryFn: ({ signal }) =>
      api
        .get<{ items: ConversationMember[] }>(`${chatPaths.conversation(workspaceId, conversationId)}/members`, signal)
        .then((r) => r.items),
  });

export function useConversations(workspaceId: string) {
  return useQuery(conversationsQuery(workspaceId));
}

/** One conversation: from the sidebar list at once, then fresh from the server (also for channels I have not joined). */
export function useConversation(workspaceId: string, conversationId: string) {
  const { data: list } = useConversations(workspaceId);
  return useQuery({
    ...conversationQuery(workspaceId, conversationId),
    placeholderData: () => list?.find((c) => c.id === conversationId),
  });
}

/** After any membership or settings change the list, the channel and its members are refetched. */
function useConversationMutation<TVars, TResult>(workspaceId: string, fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => refreshConversations(queryClient, workspaceId) });
}

export function useCreateConversation(workspaceId: string) {
  return useConversationMutation(workspaceId, (body: CreateConversationBody) =>
    api.post<Conversation>(chatPaths.conversations(workspaceId), body),
  );
}

export function useUpdateConversation(workspaceId: string, conversationId: string) {
  return useConversationMutation(workspaceId, (body: { name?: string; topic?: string }) =>
    api.patch<Conversation>(chatPaths.conversation(workspaceId, conversationId), body),
  );
}

type ConversationAction = 'join' | 'leave' | 'archive' | 'unarchive';

export function useConversationAction(workspaceId: string, conversationId: string) {
  return useConversationMutation(workspaceId, (action: ConversationAction) =>
    api.post<unknown>(`${chatPaths.conversation(workspaceId, conversationId)}/${action}`, {}),
  );
}

export function useAddConversationMembers(workspaceId: string, conversationId: string) {
  return useConversationMutation(workspaceId, (userIds: string[]) =>
    api.post<unknown>(`${chatPaths.conversation(workspaceId, conversationId)}/members`, { userIds }),
  );
}
