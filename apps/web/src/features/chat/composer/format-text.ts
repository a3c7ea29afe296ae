import type { TextState } from './use-mention-autocomplete';

/** Wraps the selection in markdown markers (or inserts an empty pair at the caret). */
export function wrapSelection(el: HTMLTextAreaElement, before: string, after = before): TextState {
  const { selectionStart: start, selectionEnd: end, value } = el;
  const selected = value.slice(start, end);
  const next = value.slice(0, start) + before + selected + after + value.slice(end);
  return { value: next, caret: start + before.length + selected.length };
}

/** Inserts text at the caret, replacing any selection. */
export function insertAtCaret(el: HTMLTextAreaElement, text: string): TextState {
  const { selectionStart: start, selectionEnd: end, value } = el;
  return { value: value.slice(0, start) + text + value.slice(end), caret: start + text.length };
}
