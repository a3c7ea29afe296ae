import type { Conversation } from '@aio/contracts';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTimeline } from '../api/messages-api';
import { usePendingMessages } from '../api/pending-store';
import { useChat } from '../chat-context';
import { buildRows, estimateRowSize } from './rows';
import { useEdgeLoading } from './use-edge-loading';
import { useJumpToMessage } from './use-jump-to-message';
import { useStickToBottom } from './use-stick-to-bottom';

/**
 * Everything the message list needs: the rows of the loaded window, the
 * virtualizer over them, and the behaviours that move the window — paging at
 * the edges, sticking to the newest message, jumping to one.
 */
export function useMessageWindow(conversation: Conversation, jumpSeq: number | undefined, onJumpDone: () => void) {
  const { workspaceId, me } = useChat();
  const { timeline, error, loading, loadOlder, loadNewer, jumpTo, jumpToLatest } = useTimeline(workspaceId, conversation.id);
  const pending = usePendingMessages(conversation.id, null);
  const rows = useMemo(() => (timeline ? buildRows(timeline, pending, me.id) : []), [timeline, pending, me.id]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [farFromEnd, setFarFromEnd] = useState(false);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => estimateRowSize(rows[i]),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 8,
    // Keeps the reading position when older pages are prepended above.
    anchorTo: 'end',
  });
  // While jumping, or reading a window of the past, new rows must not pull the view down.
  const { stick, onScroll: trackStick } = useStickToBottom(scrollRef, virtualizer, jumpSeq === undefined && !timeline?.hasMoreAfter, rows);
  const jumpDone = useCallback(() => {
    stick(false);
    onJumpDone();
  }, [stick, onJumpDone]);
  const highlightSeq = useJumpToMessage({ virtualizer, rows, jumpSeq, loading, jumpTo, onJumpDone: jumpDone });
  useEdgeLoading({ virtualizer, rowCount: rows.length, timeline, loading, loadOlder, loadNewer });

  const onScroll = (el: HTMLDivElement) => {
    trackStick(el);
    const far = el.scrollHeight - el.scrollTop - el.clientHeight > el.clientHeight * 1.5;
    if (far !== farFromEnd) setFarFromEnd(far);
  };
  const goToLatest = () => {
    stick(true);
    if (timeline?.hasMoreAfter) void jumpToLatest();
    else virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
  };
  const showJumpToLatest = farFromEnd || !!timeline?.hasMoreAfter;
  return { timeline, error, rows, virtualizer, scrollRef, highlightSeq, onScroll, goToLatest, showJumpToLatest };
}
