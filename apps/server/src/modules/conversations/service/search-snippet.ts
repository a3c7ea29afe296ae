/**
 * Search snippets as plain-text parts. Bodies are untrusted, so the server
 * never produces markup: the client renders `highlight` parts with its own
 * element. Matching is case-insensitive substring matching, the same notion
 * of "matches" as the query's ILIKE, so partial words are highlighted too.
 */
export interface SnippetPart {
  text: string;
  highlight: boolean;
}

export const SNIPPET_LENGTH = 200;
/** How much text to keep before the first match when the body must be cut. */
const LEAD = 40;
const ELLIPSIS = '…';

/** Escapes what is special in a regular expression; in "u" mode escaping anything else ("-", "/") is an error. */
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Non-overlapping [start, end) ranges of the terms in the text, longest term first at each position. */
export function findMatches(text: string, terms: string[]): Array<[number, number]> {
  const usable = [...new Set(terms.filter((t) => t !== ''))].sort((a, b) => b.length - a.length);
  if (usable.length === 0) return [];
  const pattern = new RegExp(usable.map(escapeRegExp).join('|'), 'giu');
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(pattern)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/** Moves an index off the second half of a surrogate pair, so a cut never splits a character. */
function safeIndex(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return i > 0 && i < text.length && code >= 0xdc00 && code <= 0xdfff ? i - 1 : i;
}

function snippetRange(text: string, firstMatch: number | undefined, length: number): [number, number] {
  if (text.length <= length) return [0, text.length];
  let start = Math.max(0, (firstMatch ?? 0) - LEAD);
  // Prefer to start at a word boundary when there is one close by.
  const space = text.slice(start, start + LEAD).search(/\s/u);
  if (start > 0 && space !== -1 && firstMatch !== undefined && start + space < firstMatch) start += space + 1;
  start = safeIndex(text, start);
  return [start, safeIndex(text, Math.min(text.length, start + length))];
}

/** The part of the body around the first match, split into highlighted and plain parts. */
export function buildSnippet(body: string, terms: string[], length = SNIPPET_LENGTH): SnippetPart[] {
  const matches = findMatches(body, terms);
  const [start, end] = snippetRange(body, matches[0]?.[0], length);
  const parts: SnippetPart[] = [];
  const push = (text: string, highlight: boolean) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.highlight === highlight) last.text += text;
    else parts.push({ text, highlight });
  };
  if (start > 0) push(ELLIPSIS, false);
  let at = start;
  for (const [from, to] of matches) {
    if (to <= at || from >= end) continue;
    push(body.slice(at, Math.max(at, from)), false);
    push(body.slice(Math.max(at, from), Math.min(to, end)), true);
    at = Math.min(to, end);
  }
  push(body.slice(at, end), false);
  if (end < body.length) push(ELLIPSIS, false);
  return parts;
}
