import type { Message, MessagesPage } from '@aio/contracts';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { api, errorMessage, withQuery } from '../../../lib/api';
import { toast } from '../../../ui/toast';
import { chatKeys } from './keys';
import { chatPaths } from './paths';
import { appendPage, prependPage, timelineFromPage, type Timeline } from './timeline';

export const PAGE_SIZE = 50;

type PageParams = { before?: number; after?: number; around?: number };

export function fetchMessagesPage(workspaceId: string, conversationId: string, params: PageParams, signal?: AbortSignal) {
  return api.get<MessagesPage>(withQuery(chatPaths.messages(workspaceId, conversationId), { ...params, limit: PAGE_SIZE }), signal);
}

/** The newest page; afterwards the window only changes through the loaders below and live events. */
export const timelineQuery = (workspaceId: string, conversationId: string) =>
  queryOptions({
    queryKey: chatKeys.timeline(workspaceId, conversationId),
    queryFn: ({ signal }) => fetchMessagesPage(workspaceId, conversationId, {}, signal).then(timelineFromPage),
    // Kept current by realtime events; a refetch would throw away the pages scrolled into.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    // Every change builds new arrays anyway; deep-comparing thousands of messages per event costs frames.
    structuralSharing: false,
  });

export type TimelineLoad = 'older' | 'newer' | 'jump' | null;

/** A conversation's message window plus the ways to move it: older, newer, around a message, back to the newest. */
export function useTimeline(workspaceId: string, conversationId: string) {
  const qc = useQueryClient();
  const query = useQuery(timelineQuery(workspaceId, conversationId));
  const [loading, setLoading] = useState<TimelineLoad>(null);
  const inflight = useRef<Promise<void> | null>(null);

  const load = useCallback(
    async (kind: Exclude<TimelineLoad, null>, params: (t: Timeline) => PageParams | null, combine: (t: Timeline, p: MessagesPage) => Timeline) => {
      // Scroll-driven loads are dropped while one runs; a jump waits for it instead, since it was asked for.
      while (inflight.current) {
        if (kind !== 'jump') return;
        await inflight.current;
      }
      const key = chatKeys.timeline(workspaceId, conversationId);
      const current = qc.getQueryData<Timeline>(key);
      const p = current ? params(current) : null;
      if (!p) return;
      setLoading(kind);
      const run = async () => {
        try {
          const page = await fetchMessagesPage(workspaceId, conversationId, p);
          // Combine with the cache as it is now: live events may have landed meanwhile.
          qc.setQueryData<Timeline>(key, (t) => (t ? combine(t, page) : timelineFromPage(page)));
        } catch (err) {
          toast(errorMessage(err), 'error');
        } finally {
          inflight.current = null;
          setLoading(null);
        }
      };
      inflight.current = run();
      await inflight.current;
    },
    [qc, workspaceId, conversationId],
  );

  const loadOlder = useCallback(
    () => load('older', (t) => (t.hasMoreBefore && t.items[0] ? { before: t.items[0].seq } : null), prependPage),
    [load],
  );
  const loadNewer = useCallback(
    () => load('newer', (t) => (t.hasMoreAfter && t.items.length ? { after: t.items[t.items.length - 1]!.seq } : null), appendPage),
    [load],
  );
  /** Loads the page around `seq` unless it is already in the window. */
  const jumpTo = useCallback(
    (seq: number) =>
      load('jump', (t) => (t.items.some((m) => m.seq === seq) ? null : { around: seq }), (_t, page) => timelineFromPage(page)),
    [load],
  );
  const jumpToLatest = useCallback(() => load('jump', () => ({}), (_t, page) => timelineFromPage(page)), [load]);

  return { timeline: query.data, error: query.error, isPending: query.isPending, loading, loadOlder, loadNewer, jumpTo, jumpToLatest };
}

export function sendMessageRequest(workspaceId: string, conversationId: string, body: { clientId: string; body: string; threadRootId?: string; alsoSendToChannel?: boolean }) {
  return api.post<Message>(chatPaths.messages(workspaceId, conversationId), body);
}
