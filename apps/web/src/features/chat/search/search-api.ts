import type { SearchResults } from '@aio/contracts';
import { infiniteQueryOptions } from '@tanstack/react-query';
import { api, withQuery } from '../../../lib/api';
import { chatKeys } from '../api/keys';
import { chatPaths } from '../api/paths';

export const searchQuery = (workspaceId: string, q: string) =>
  infiniteQueryOptions({
    queryKey: chatKeys.search(workspaceId, q),
    queryFn: ({ signal, pageParam }) => api.get<SearchResults>(withQuery(chatPaths.search(workspaceId), { q, cursor: pageParam, limit: 20 }), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: q.trim().length > 0,
    staleTime: 10_000,
  });
