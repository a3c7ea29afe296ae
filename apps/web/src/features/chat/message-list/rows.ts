import type { Message } from '@aio/contracts';
import type { PendingMessage } from '../api/pending-store';
import type { Timeline } from '../api/timeline';

/** What the virtual list renders, one entry per row. */
export type Row =
  | { kind: 'start'; key: string; hasMoreBefore: boolean }
  | { kind: 'day'; key: string; date: Date }
  | { kind: 'message'; key: string; message: Message; grouped: boolean }
  | { kind: 'pending'; key: string; pending: PendingMessage; grouped: boolean }
  | { kind: 'end'; key: string };

/** Consecutive messages by one author within this gap share one header. */
const GROUP_GAP_MS = 5 * 60_000;

interface Entry {
  authorKey: string;
  at: Date;
  day: string;
}

const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;

/** Messages are immutable in the cache, so what rows need from each is worked out once. */
const entries = new WeakMap<Message, Entry>();
function entryOf(message: Message): Entry {
  let entry = entries.get(message);
  if (!entry) {
    // A tombstone shows no author, so the next message starts a new group.
    const authorKey = message.deletedAt ? `deleted:${message.id}` : `${message.author.type}:${message.author.id ?? message.author.name}`;
    const at = new Date(message.createdAt);
    entry = { authorKey, at, day: dayKey(at) };
    entries.set(message, entry);
  }
  return entry;
}

/**
 * Rows for a timeline plus optimistic messages: day separators, grouped runs,
 * and a first row that is either a loader (more before) or the conversation's
 * beginning. Row keys of messages use the clientId when there is one, so an
 * optimistic message and the server's copy are the same row: no flicker.
 */
export function buildRows(timeline: Timeline, pending: PendingMessage[], meId: string): Row[] {
  const rows: Row[] = [{ kind: 'start', key: 'start', hasMoreBefore: timeline.hasMoreBefore }];
  let previous: Entry | null = null;
  const push = (entry: Entry, row: (grouped: boolean) => Row) => {
    const sameDay = previous !== null && previous.day === entry.day;
    if (!sameDay) rows.push({ kind: 'day', key: `day-${entry.day}`, date: entry.at });
    const grouped = sameDay && previous!.authorKey === entry.authorKey && entry.at.getTime() - previous!.at.getTime() < GROUP_GAP_MS;
    rows.push(row(grouped));
    previous = entry;
  };
  const seen = new Set<string>();
  for (const message of timeline.items) {
    if (message.clientId && message.author.id === meId) seen.add(message.clientId);
    push(entryOf(message), (grouped) => ({ kind: 'message', key: rowKey(message.author.id, message.clientId, message.id), message, grouped: grouped && !message.deletedAt }));
  }
  if (!timeline.hasMoreAfter) {
    for (const p of pending) {
      if (seen.has(p.clientId)) continue;
      const at = new Date(p.createdAt);
      push({ authorKey: `member:${meId}`, at, day: dayKey(at) }, (grouped) => ({ kind: 'pending', key: rowKey(meId, p.clientId, ''), pending: p, grouped }));
    }
  }
  rows.push({ kind: 'end', key: 'end' });
  return rows;
}

/** clientIds are unique per author only, so the author is part of the key. */
export function rowKey(authorId: string | null, clientId: string | null, id: string): string {
  return clientId ? `c:${authorId ?? ''}:${clientId}` : `m:${id}`;
}

export function estimateRowSize(row: Row | undefined): number {
  if (!row) return 40;
  switch (row.kind) {
    case 'start':
      return row.hasMoreBefore ? 48 : 120;
    case 'day':
      return 44;
    case 'end':
      return 12;
    case 'pending':
      return (row.grouped ? 30 : 62) + extraLines(row.pending.body) * LINE_PX;
    case 'message': {
      const m = row.message;
      const extras = (m.reactions.length ? 30 : 0) + (m.thread?.replyCount ? 30 : 0) + (m.pinned ? 18 : 0);
      return (row.grouped ? 30 : 62) + extraLines(m.body) * LINE_PX + extras;
    }
  }
}

/**
 * A guess at how many more lines than one a body wraps to. Close guesses keep
 * the view steady when tall rows above it are measured for the first time.
 */
const LINE_PX = 24;
const CHARS_PER_LINE = 90;
// Estimates are asked for every row whenever the list changes; bodies do not change under a key.
const lineCache = new Map<string, number>();
function extraLines(body: string): number {
  if (body.length < CHARS_PER_LINE && !body.includes('\n')) return 0;
  let cached = lineCache.get(body);
  if (cached === undefined) {
    let lines = 0;
    for (const line of body.split('\n')) lines += Math.max(1, Math.ceil(line.length / CHARS_PER_LINE));
    cached = Math.min(lines - 1, 200);
    if (lineCache.size > 20_000) lineCache.clear();
    lineCache.set(body, cached);
  }
  return cached;
}
