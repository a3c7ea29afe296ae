import type { Message, MessagesPage } from '@aio/contracts';

/**
 * The loaded window of one conversation's channel messages: a contiguous run
 * ordered by seq. `hasMoreAfter` is true after a jump into the past, until the
 * window reaches the newest message again; live messages are only appended
 * while it is false (otherwise they would leave a gap).
 */
export interface Timeline {
  items: Message[];
  hasMoreBefore: boolean;
  hasMoreAfter: boolean;
}

export function timelineFromPage(page: MessagesPage): Timeline {
  return { items: page.items, hasMoreBefore: page.hasMoreBefore, hasMoreAfter: page.hasMoreAfter };
}

/** Adds messages (any order, duplicates allowed), newest version wins, kept sorted by seq. */
export function mergeMessages(items: Message[], incoming: Message[]): Message[] {
  if (incoming.length === 0) return items;
  const byId = new Map(items.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

export function prependPage(timeline: Timeline, page: MessagesPage): Timeline {
  return { ...timeline, items: mergeMessages(timeline.items, page.items), hasMoreBefore: page.hasMoreBefore };
}

export function appendPage(timeline: Timeline, page: MessagesPage): Timeline {
  return { ...timeline, items: mergeMessages(timeline.items, page.items), hasMoreAfter: page.hasMoreAfter };
}

/** A live message: appended only when the window already shows the newest messages. */
export function addLiveMessage(timeline: Timeline, message: Message): Timeline {
  if (timeline.hasMoreAfter) return timeline;
  const last = timeline.items[timeline.items.length - 1];
  // Fast path for the common case (newest message at the end) keeps 10k-item windows cheap.
  if (!last || message.seq > last.seq) return { ...timeline, items: [...timeline.items, message] };
  return { ...timeline, items: mergeMessages(timeline.items, [message]) };
}

/** Applies `change` to the message with this id; returns the same object when absent. */
export function patchMessage(timeline: Timeline, messageId: string, change: (m: Message) => Message): Timeline {
  const index = timeline.items.findIndex((m) => m.id === messageId);
  if (index < 0) return timeline;
  const items = timeline.items.slice();
  items[index] = change(items[index]!);
  return { ...timeline, items };
}

export function tombstone(m: Message): Message {
  return { ...m, body: '', entities: { mentions: [], links: [] }, reactions: [], deletedAt: m.deletedAt ?? new Date().toISOString() };
}

/** Channel timelines hold top-level messages and replies also sent to the channel. */
export function belongsInChannel(m: Message): boolean {
  return m.threadRootId === null || m.alsoInChannel;
}
