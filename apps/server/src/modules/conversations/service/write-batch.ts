import { randomUUID } from 'node:crypto';
import type { MessageEntities } from '@aio/contracts';
import type { Db, DbOrTx, Tx } from '../../../db/client';
import type { Deps } from '../../../platform/context';
import type { EventBus } from '../../../platform/events/types';
import { insertNumberedEvents, NOOP_EVENT, type RecordedEvent, takeSeqs } from '../../../platform/events/log';
import { setLastMessage } from '../repository/conversations';
import { insertMessageBatch } from '../repository/fused-send';
import { bumpThreadRoot, insertMentions, insertMessages, type NewMessageRow, storedRow } from '../repository/message-writes';
import { clientKeyOf, clientKeyOfRow, findByClientKeys, type MessageRow } from '../repository/messages';
import { type ChatEvent, chatEvent, publishEvents, toDurable } from './commit';
import { mentionRowsOf, neutralView, toMessage } from './mappers';
import type { AuthorInfo } from './runtime';

/** One send, checked and parsed, waiting for its batch. */
export interface SendItem {
  workspaceId: string;
  conversationId: string;
  authorId: string;
  author: AuthorInfo;
  clientId: string;
  body: string;
  entities: MessageEntities;
  threadRoot: { id: string; authorId: string | null } | null;
  alsoInChannel: boolean;
}

export interface SendOutcome {
  row: MessageRow;
  /** The client id was used before: this is the message stored then. */
  duplicate: boolean;
}

export const itemKey = (i: SendItem) => clientKeyOf({ conversationId: i.conversationId, authorId: i.authorId, clientId: i.clientId });

export function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}

interface Numbered {
  seq: number;
  event: ChatEvent;
}

/** Each root once per batch, however many of its replies the batch holds. */
async function bumpRoots(tx: Tx, inserted: Array<{ row: MessageRow; item: SendItem }>, firstSeq: number, now: Date): Promise<Numbered[]> {
  const byRoot = new Map<string, { root: NonNullable<SendItem['threadRoot']>; replies: MessageRow[] }>();
  for (const { row, item } of inserted) {
    if (!item.threadRoot) continue;
    let entry = byRoot.get(item.threadRoot.id);
    if (!entry) byRoot.set(item.threadRoot.id, (entry = { root: item.threadRoot, replies: [] }));
    entry.replies.push(row);
  }
  const numbered: Numbered[] = [];
  for (const { root, replies } of byRoot.values()) {
    const participants = [root.authorId, ...replies.map((r) => r.authorId)].filter((id): id is string => id !== null);
    const updated = await bumpThreadRoot(tx, root.id, replies.length, now, participants);
    const payload = {
      workspaceId: updated.workspaceId,
      conversationId: updated.conversationId,
      rootId: updated.id,
      replyCount: updated.replyCount,
      lastReplyAt: updated.lastReplyAt?.toISOString() ?? null,
      participantIds: updated.threadParticipants,
    };
    numbered.push({ seq: firstSeq + numbered.length, event: chatEvent('thread.updated', payload, { conversationId: updated.conversationId }) });
  }
  return numbered;
}

async function updateLastMessages(tx: Tx, rows: MessageRow[], now: Date): Promise<void> {
  const newest = new Map<string, number>();
  for (const r of rows) newest.set(r.conversationId, Math.max(newest.get(r.conversationId) ?? 0, r.seq));
  for (const [conversationId, seq] of newest) await setLastMessage(tx, conversationId, seq, now);
}

/** Writes events whose seqs were taken earlier; a message lost to a concurrent duplicate leaves a gap. */
async function insertAtSeqs(tx: Tx, workspaceId: string, numbered: Numbered[]): Promise<RecordedEvent[]> {
  const sorted = [...numbered].sort((a, b) => a.seq - b.seq);
  const recorded: RecordedEvent[] = [];
  for (let start = 0; start < sorted.length; ) {
    let end = start + 1;
    while (end < sorted.length && sorted[end]!.seq === sorted[end - 1]!.seq + 1) end += 1;
    const run = sorted.slice(start, end);
    recorded.push(...(await insertNumberedEvents(tx, workspaceId, run[0]!.seq, run.map((n) => toDurable(n.event)))));
    start = end;
  }
  return recorded;
}

interface WorkspaceWrite {
  workspaceId: string;
  recorded: RecordedEvent[];
  events: ChatEvent[];
}

function toNewRow(item: SendItem, seq: number, now: Date): NewMessageRow {
  return {
    id: randomUUID(),
    workspaceId: item.workspaceId,
    conversationId: item.conversationId,
    seq,
    clientId: item.clientId,
    authorType: 'member',
    authorId: item.authorId,
    body: item.body,
    entities: item.entities,
    threadRootId: item.threadRoot?.id ?? null,
    alsoInChannel: item.threadRoot !== null && item.alsoInChannel,
    hasLink: item.entities.links.length > 0,
    createdAt: now,
  };
}

/** Client ids stored before (a retry, another node): those sends are answered with the stored message. */
async function markStored(tx: DbOrTx, items: SendItem[], outcomes: Map<string, SendOutcome>): Promise<void> {
  for (const row of await findByClientKeys(tx, items)) outcomes.set(clientKeyOfRow(row), { row, duplicate: true });
}

/** Inserts the new messages at the seqs taken for them; returns each inserted row with its send. */
async function insertFresh(tx: Tx, fresh: SendItem[], firstSeq: number, now: Date, outcomes: Map<string, SendOutcome>) {
  const candidates = fresh.map((item, i) => ({ item, message: toNewRow(item, firstSeq + i, now) }));
  const insertedIds = new Set((await insertMessages(tx, candidates.map((c) => c.message))).map((r) => r.id));
  const pairs = candidates.filter((c) => insertedIds.has(c.message.id)).map((c) => ({ row: storedRow(c.message), item: c.item }));
  for (const { row, item } of pairs) outcomes.set(itemKey(item), { row, duplicate: false });
  // ON CONFLICT skipped the ones another transaction stored a moment ago.
  await markStored(tx, fresh.filter((i) => !outcomes.has(itemKey(i))), outcomes);
  await insertMentions(tx, pairs.flatMap((p) => mentionRowsOf(p.row)));
  return pairs;
}

/**
 * One workspace's part of a batch: dedupe against the table, insert, count
 * threads, number events. Its one takeSeqs comes before any row it changes,
 * the lock order every team-chat transaction follows (see lockEventLog).
 */
async function writeWorkspace(tx: Tx, workspaceId: string, items: SendItem[], outcomes: Map<string, SendOutcome>): Promise<WorkspaceWrite> {
  await markStored(tx, items, outcomes);
  const fresh = items.filter((i) => !outcomes.has(itemKey(i)));
  if (fresh.length === 0) return { workspaceId, recorded: [], events: [] };
  const rootCount = new Set(fresh.flatMap((i) => (i.threadRoot ? [i.threadRoot.id] : []))).size;
  const first = await takeSeqs(tx, workspaceId, fresh.length + rootCount);
  const now = new Date();
  const pairs = await insertFresh(tx, fresh, first, now, outcomes);
  const numbered: Numbered[] = pairs.map(({ row, item }) => ({
    seq: row.seq,
    event: chatEvent(
      'message.created',
      { workspaceId, conversationId: row.conversationId, message: toMessage(row, neutralView(item.author)) },
      { conversationId: row.conversationId },
    ),
  }));
  numbered.push(...(await bumpRoots(tx, pairs, first + fresh.length, now)));
  await updateLastMessages(tx, pairs.map((p) => p.row), now);
  const recorded = await insertAtSeqs(tx, workspaceId, numbered);
  return { workspaceId, recorded, events: numbered.sort((a, b) => a.seq - b.seq).map((n) => n.event) };
}

/**
 * The common case, a workspace's batch without thread replies, in one
 * statement (repository/fused-send.ts). Sends whose client id was stored
 * before are answered with the stored message.
 */
async function writeWorkspaceFused(db: Db, workspaceId: string, items: SendItem[], outcomes: Map<string, SendOutcome>): Promise<WorkspaceWrite> {
  const now = new Date();
  const rows = items.map((item) => toNewRow(item, 0, now));
  // The seqs come from the statement; they are filled into these as it answers.
  const stored = rows.map(storedRow);
  const messages = stored.map((row, i) => toMessage(row, neutralView(items[i]!.author)));
  const payloads = messages.map((message) => ({ workspaceId, conversationId: message.conversationId, message }));
  const mentions = stored.flatMap((row, i) => mentionRowsOf(row).map((m) => ({ index: i + 1, kind: m.kind, userId: m.userId ?? null })));
  const written = await insertMessageBatch(db, workspaceId, rows, mentions, payloads);
  const recorded: RecordedEvent[] = [];
  const events: ChatEvent[] = [];
  for (const { ord, seq, inserted } of written) {
    const i = ord - 1;
    const { conversationId } = rows[i]!;
    if (!inserted) {
      recorded.push({ workspaceId, seq, name: NOOP_EVENT, conversationId, userId: null, payload: {} });
      continue;
    }
    stored[i]!.seq = seq;
    messages[i]!.seq = seq;
    outcomes.set(itemKey(items[i]!), { row: stored[i]!, duplicate: false });
    const event = chatEvent('message.created', payloads[i]!, { conversationId });
    events.push(event);
    recorded.push({ workspaceId, seq, name: event.name, conversationId, userId: null, payload: event.payload });
  }
  const skipped = items.filter((i) => !outcomes.has(itemKey(i)));
  if (skipped.length > 0) await markStored(db, skipped, outcomes);
  return { workspaceId, recorded, events };
}

/** What a written batch owes: an outcome per client key, and each workspace's events to publish. */
export interface WrittenBatch {
  outcomes: Map<string, SendOutcome>;
  writes: WorkspaceWrite[];
}

/**
 * Writes a batch of sends; the caller publishes its events (publishBatch),
 * which lets the next batch go to the database while this one fans out.
 * Without thread replies each workspace's part is one statement; with replies
 * the batch is ONE transaction (workspaces in id order, so two nodes lock
 * them in the same order).
 */
export async function writeBatch(deps: Pick<Deps, 'db'>, items: SendItem[]): Promise<WrittenBatch> {
  const ordered = [...groupBy(items, (i) => i.workspaceId)].sort(([a], [b]) => a.localeCompare(b));
  const outcomes = new Map<string, SendOutcome>();
  if (items.every((i) => i.threadRoot === null)) {
    const writes: WorkspaceWrite[] = [];
    for (const [workspaceId, group] of ordered) writes.push(await writeWorkspaceFused(deps.db, workspaceId, group, outcomes));
    return { outcomes, writes };
  }
  const writes = await deps.db.transaction(async (tx) => {
    const done: WorkspaceWrite[] = [];
    for (const [workspaceId, group] of ordered) done.push(await writeWorkspace(tx, workspaceId, group, outcomes));
    return done;
  });
  return { outcomes, writes };
}

/** Announces a written batch, workspace by workspace, in the order it was written. */
export async function publishBatch(bus: EventBus, writes: WorkspaceWrite[]): Promise<void> {
  for (const w of writes) await publishEvents(bus, w.workspaceId, w.recorded, w.events);
}
