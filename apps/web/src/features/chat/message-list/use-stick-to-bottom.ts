import type { Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';

const NEAR_END_PX = 80;

/**
 * Keeps the newest message in view while the reader is at the bottom: as
 * messages arrive, and as rows grow when they are measured. Scrolling up lets
 * go; coming back down (or `stick()`) holds on again. Only a scroll *upwards*
 * lets go, because growing content and our own writes only ever move the view
 * down.
 */
export function useStickToBottom(
  scrollRef: RefObject<HTMLDivElement | null>,
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  enabled: boolean,
  contentVersion: unknown,
) {
  const sticking = useRef(true);
  const lastTop = useRef(0);

  /** For the scroller's onScroll. */
  const onScroll = useCallback((el: HTMLElement) => {
    const distance = el.scrollHeight - el.scrollTop - el.clientHeight;
    if (distance <= NEAR_END_PX) sticking.current = true;
    else if (el.scrollTop < lastTop.current - 1) sticking.current = false;
    lastTop.current = el.scrollTop;
  }, []);

  const totalSize = virtualizer.getTotalSize();
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || !enabled || !sticking.current) return;
    const end = el.scrollHeight - el.clientHeight;
    if (el.scrollTop < end - 1) {
      el.scrollTop = end;
      lastTop.current = el.scrollTop;
    }
  }, [scrollRef, enabled, totalSize, contentVersion]);

  const stick = useCallback((on: boolean) => {
    sticking.current = on;
  }, []);
  return { stick, onScroll };
}
