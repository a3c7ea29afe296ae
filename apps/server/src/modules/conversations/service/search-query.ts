import { badRequest } from '../../../platform/errors';

/**
 * A search box query, parsed. Free words and "quoted phrases" must all match;
 * filters narrow the set. Several `from:` (or several `in:`) mean any of them.
 */
export interface ParsedSearch {
  words: string[];
  phrases: string[];
  /** Display names or e-mail local parts, without the leading "@"; "me" is the caller. */
  from: string[];
  in: SearchPlace[];
  /** YYYY-MM-DD, UTC days: before the start of that day / after its end. */
  before?: string;
  after?: string;
  hasLink: boolean;
  isThread: boolean;
}

export interface SearchPlace {
  kind: 'channel' | 'person';
  name: string;
}

/** Bounds the number of LIKE conditions one query can produce. */
export const MAX_SEARCH_TERMS = 20;

const FILTER_KEYS = new Set(['from', 'in', 'before', 'after', 'has', 'is']);
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Token {
  text: string;
  quoted: boolean;
}

/** Splits on whitespace, keeping "quoted phrases" and key:"quoted values" whole. */
function tokenize(q: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < q.length) {
    if (/\s/u.test(q[i]!)) {
      i += 1;
      continue;
    }
    const start = i;
    if (q[i] === '"') {
      const close = q.indexOf('"', i + 1);
      const end = close === -1 ? q.length : close;
      tokens.push({ text: q.slice(i + 1, end), quoted: true });
      i = end + 1;
      continue;
    }
    while (i < q.length && !/\s/u.test(q[i]!)) {
      if (q[i] === '"' && q[i - 1] === ':') {
        const close = q.indexOf('"', i + 1);
        i = close === -1 ? q.length : close + 1;
        break;
      }
      i += 1;
    }
    tokens.push({ text: q.slice(start, i), quoted: false });
  }
  return tokens;
}

function parseDate(key: string, value: string): string {
  const m = DATE.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !date || date.toISOString().slice(0, 10) !== value) {
    throw badRequest(`${key}: expects a date as YYYY-MM-DD, got "${value}"`, { filter: key, value });
  }
  return value;
}

function parsePlace(value: string): SearchPlace {
  if (value.startsWith('@')) return { kind: 'person', name: value.slice(1) };
  return { kind: 'channel', name: value.startsWith('#') ? value.slice(1) : value };
}

function expectValue(key: string, value: string, allowed: string): void {
  if (value.toLowerCase() !== allowed) throw badRequest(`${key}: only "${key}:${allowed}" is supported, got "${key}:${value}"`, { filter: key, value });
}

function applyFilter(out: ParsedSearch, key: string, value: string): void {
  switch (key) {
    case 'from':
      out.from.push(value.replace(/^@/, ''));
      return;
    case 'in':
      out.in.push(parsePlace(value));
      return;
    case 'before':
      out.before = parseDate(key, value);
      return;
    case 'after':
      out.after = parseDate(key, value);
      return;
    case 'has':
      expectValue(key, value, 'link');
      out.hasLink = true;
      return;
    case 'is':
      expectValue(key, value, 'thread');
      out.isThread = true;
  }
}

/** Reads `key:value` or `key:"quoted value"`; anything else (unknown keys too) is a plain word. */
function asFilter(token: string): { key: string; value: string } | null {
  const colon = token.indexOf(':');
  if (colon <= 0) return null;
  const key = token.slice(0, colon).toLowerCase();
  let value = token.slice(colon + 1);
  if (value.startsWith('"')) value = value.slice(1, value.endsWith('"') && value.length > 1 ? -1 : undefined);
  if (!FILTER_KEYS.has(key) || value.trim() === '') return null;
  return { key, value };
}

/** Parses a query; a known filter with a bad value is a 400 naming it. */
export function parseSearchQuery(q: string): ParsedSearch {
  const out: ParsedSearch = { words: [], phrases: [], from: [], in: [], hasLink: false, isThread: false };
  for (const token of tokenize(q)) {
    if (token.quoted) {
      if (token.text.trim() !== '') out.phrases.push(token.text);
      continue;
    }
    const filter = asFilter(token.text);
    if (filter) applyFilter(out, filter.key, filter.value);
    else out.words.push(token.text);
  }
  if (out.words.length + out.phrases.length > MAX_SEARCH_TERMS) throw badRequest(`Use at most ${MAX_SEARCH_TERMS} words and phrases`);
  if (!hasCriteria(out)) throw badRequest('Nothing to search for: give a word, a "phrase" or a filter');
  return out;
}

export function hasCriteria(p: ParsedSearch): boolean {
  return (
    p.words.length + p.phrases.length + p.from.length + p.in.length > 0 || !!p.before || !!p.after || p.hasLink || p.isThread
  );
}

/** The text terms, for ranking and highlighting. */
export function textTerms(p: ParsedSearch): string[] {
  return [...p.words, ...p.phrases];
}
