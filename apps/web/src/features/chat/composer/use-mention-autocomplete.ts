import type { Member } from '@aio/contracts';
import { useMemo, useState } from 'react';
import { mentionOptions, mentionQueryAt, type MentionOption } from './mention-options';

export interface TextState {
  value: string;
  caret: number;
}

/**
 * The @-mention menu of a textarea: which options match what is typed before
 * the caret, which one is highlighted, and the keys that drive it
 * (↑ ↓ to move, Enter or Tab to insert, Esc to close).
 */
export function useMentionAutocomplete(members: Member[], allowBroadcast: boolean, text: TextState) {
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const found = mentionQueryAt(text.value, text.caret);
  const open = found !== null && dismissedAt !== found.start;
  const query = open ? found.query : null;
  const options = useMemo(() => (query === null ? [] : mentionOptions(members, query, allowBroadcast)), [query, members, allowBroadcast]);
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));

  /** The text after inserting `option` in place of the typed `@query`. */
  function insert(option: MentionOption): TextState {
    if (!found) return text;
    const before = text.value.slice(0, found.start) + option.insert + ' ';
    setActive(0);
    return { value: before + text.value.slice(text.caret), caret: before.length };
  }

  /** Handles a key if the menu is open; returns the new text when an option was chosen. */
  function onKeyDown(e: React.KeyboardEvent): TextState | 'handled' | null {
    if (options.length === 0) return null;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + options.length) % options.length);
      return 'handled';
    }
    if ((e.key === 'Enter' && !e.shiftKey) || e.key === 'Tab') {
      e.preventDefault();
      return insert(options[activeIndex]!);
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setDismissedAt(found?.start ?? null);
      return 'handled';
    }
    return null;
  }

  return { options, activeIndex, setActive, insert, onKeyDown };
}
