import { useLayoutEffect, type RefObject } from 'react';

/** Grows a textarea with its content up to `maxPx`, then it scrolls. */
export function useAutosize(ref: RefObject<HTMLTextAreaElement | null>, value: string, maxPx = 240): void {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, maxPx)}px`;
  }, [ref, value, maxPx]);
}
