import type { ThreadPage } from '@aio/contracts';
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { api, errorMessage, withQuery } from '../../../lib/api';
import { toast } from '../../../ui/toast';
import type { ThreadData } from '../api/cache';
import { chatKeys } from '../api/keys';
import { chatPaths } from '../api/paths';
import { mergeMessages } from '../api/timeline';

const THREAD_PAGE = 100;

function fetchThread(workspaceId: string, rootId: string, before?: number, signal?: AbortSignal) {
  return api.get<ThreadPage>(withQuery(`${chatPaths.message(workspaceId, rootId)}/thread`, { before, limit: THREAD_PAGE }), signal);
}

/** A thread's root and its newest replies; live events keep it current while cached. */
export const threadQuery = (workspaceId: string, rootId: string) =>
  queryOptions({
    queryKey: chatKeys.thread(workspaceId, rootId),
    queryFn: ({ signal }) =>
      fetchThread(workspaceId, rootId, undefined, signal).then((p): ThreadData => ({ root: p.root, replies: p.items, hasMoreBefore: p.hasMoreBefore })),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    structuralSharing: false,
  });

/** Loads the page of replies before the oldest one shown. */
export function useLoadEarlierReplies(workspaceId: string, rootId: string) {
  const qc = useQueryClient();
  const [loading, setLoading] = useState(false);
  const load = useCallback(async () => {
    const key = chatKeys.thread(workspaceId, rootId);
    const oldest = qc.getQueryData<ThreadData>(key)?.replies[0];
    if (!oldest) return;
    setLoading(true);
    try {
      const page = await fetchThread(workspaceId, rootId, oldest.seq);
      qc.setQueryData<ThreadData>(key, (t) => t && { ...t, replies: mergeMessages(t.replies, page.items), hasMoreBefore: page.hasMoreBefore });
    } catch (err) {
      toast(errorMessage(err), 'error');
    } finally {
      setLoading(false);
    }
  }, [qc, workspaceId, rootId]);
  return { load, loading };
}
