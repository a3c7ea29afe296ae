import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { readDraft, saveDraft } from './drafts';
import type { TextState } from './use-mention-autocomplete';

/**
 * The composer's text and caret, saved as a draft per conversation / thread.
 * `replace` is for programmatic edits (mention, formatting, emoji): it puts
 * the caret where the edit ended, after React has rendered the new value.
 */
export function useComposerText(draftKey: string, ref: RefObject<HTMLTextAreaElement | null>) {
  const [text, setText] = useState<TextState>(() => {
    const value = readDraft(draftKey);
    return { value, caret: value.length };
  });
  useEffect(() => saveDraft(draftKey, text.value), [draftKey, text.value]);

  const caretAfterRender = useRef<number | null>(null);
  useLayoutEffect(() => {
    const caret = caretAfterRender.current;
    if (caret === null || !ref.current) return;
    caretAfterRender.current = null;
    ref.current.focus();
    ref.current.setSelectionRange(caret, caret);
  }, [text, ref]);

  const replace = (next: TextState) => {
    caretAfterRender.current = next.caret;
    setText(next);
  };
  /** Typing: the browser already placed the caret. */
  const track = (value: string, caret: number) => setText({ value, caret });
  /**
   * Selecting or moving the caret. Only the caret: a select event can come
   * right after a send in the same key press, and must not bring the old text back.
   */
  const trackCaret = (caret: number) => setText((t) => (t.caret === caret ? t : { ...t, caret }));
  return { text, replace, track, trackCaret };
}
