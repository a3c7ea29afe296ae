import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { toast } from '../../../ui/toast';
import type { TimelineLoad } from '../api/messages-api';
import type { Row } from './rows';

interface JumpOptions {
  virtualizer: Virtualizer<HTMLDivElement, Element>;
  rows: Row[];
  jumpSeq: number | undefined;
  loading: TimelineLoad;
  jumpTo: (seq: number) => Promise<void>;
  onJumpDone: () => void;
}

const HIGHLIGHT_MS = 3_000;

/**
 * Brings the message with `jumpSeq` to the middle of the view, loading the
 * page around it first when it is not in the window, and highlights it for a
 * moment. Returns the seq to highlight.
 */
export function useJumpToMessage({ virtualizer, rows, jumpSeq, loading, jumpTo, onJumpDone }: JumpOptions): number | undefined {
  const [highlightSeq, setHighlightSeq] = useState<number>();
  const [loadedFor, setLoadedFor] = useState<number>();
  const requested = useRef<number>(undefined);

  useLayoutEffect(() => {
    if (jumpSeq === undefined || rows.length === 0) return;
    const index = rows.findIndex((r) => r.kind === 'message' && r.message.seq === jumpSeq);
    if (index >= 0) {
      virtualizer.scrollToIndex(index, { align: 'center' });
      setHighlightSeq(jumpSeq);
    } else if (requested.current !== jumpSeq) {
      requested.current = jumpSeq;
      void jumpTo(jumpSeq).then(() => setLoadedFor(jumpSeq));
      return;
    } else if (loadedFor !== jumpSeq || loading) {
      return;
    } else {
      toast('That message is no longer in this conversation.', 'error');
    }
    requested.current = undefined;
    onJumpDone();
  }, [rows, jumpSeq, loading, loadedFor, jumpTo, onJumpDone, virtualizer]);

  useEffect(() => {
    if (highlightSeq === undefined) return;
    const timer = setTimeout(() => setHighlightSeq(undefined), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlightSeq]);

  return highlightSeq;
}
