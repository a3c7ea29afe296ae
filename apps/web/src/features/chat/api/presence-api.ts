import type { Presence } from '@aio/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { chatKeys } from './keys';
import { chatPaths } from './paths';

/** Everyone's presence and status, keyed by user id; presence frames keep it current. */
export const presenceQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: chatKeys.presence(workspaceId),
    queryFn: ({ signal }) =>
      api.get<{ items: Presence[] }>(chatPaths.presence(workspaceId), signal).then((r) => Object.fromEntries(r.items.map((p) => [p.userId, p]))),
    staleTime: 60_000,
  });

export type PresenceMap = Record<string, Presence>;

export function usePresence(workspaceId: string): PresenceMap {
  return useQuery(presenceQuery(workspaceId)).data ?? {};
}
