import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { TimelineLoad } from '../api/messages-api';
import type { Timeline } from '../api/timeline';

/** Rows from an edge at which the next page is asked for. */
const EDGE_ROWS = 3;

interface EdgeLoading {
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  rowCount: number;
  timeline: Timeline | undefined;
  loading: TimelineLoad;
  loadOlder: () => Promise<void>;
  loadNewer: () => Promise<void>;
}

/** Loads the next older (or, after a jump, newer) page when the first or last rows come into view. */
export function useEdgeLoading({ virtualizer, rowCount, timeline, loading, loadOlder, loadNewer }: EdgeLoading): void {
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index;
  const last = items[items.length - 1]?.index;
  // Not on the very first render: the view has not been placed at the bottom yet, so the top rows only seem visible.
  const placed = useRef(false);
  useEffect(() => {
    if (rowCount > 0) placed.current = true;
  }, [rowCount]);
  useEffect(() => {
    if (!timeline || loading || first === undefined || last === undefined || !placed.current) return;
    if (first <= EDGE_ROWS && timeline.hasMoreBefore) void loadOlder();
    else if (last >= rowCount - 1 - EDGE_ROWS && timeline.hasMoreAfter) void loadNewer();
  }, [first, last, rowCount, timeline, loading, loadOlder, loadNewer]);
}
