import { randomUUID } from 'node:crypto';
import type { Tx } from '../../../db/client';
import { takeSeqs } from '../../../platform/events/log';
import type { MentionRow, NewMessageRow } from '../repository/message-writes';
import { insertMentions, insertMessages } from '../repository/message-writes';
import { setLastMessage } from '../repository/conversations';
import { readDayFile, type SlackConversationPlan } from './import-slack-format';
import { compareTs, type PrepareContext, type PreparedMessage, prepareSlackMessage, type SkipReason } from './import-slack-messages';
import { insertReactions, listImportedTs, markReadUpTo, type NewReaction, refreshThreadStats, SLACK_CLIENT_PREFIX } from './import-slack-queries';
import type { SlackExportSource } from './import-slack-source';

/** Rows per INSERT: large enough to be fast, well under the 65,535 bind parameters of one statement. */
export const IMPORT_BATCH = 500;

export interface HistoryCounts {
  messages: number;
  /** Threads that got replies from this import. */
  threads: number;
  reactions: number;
  skipped: Map<SkipReason | 'already imported', number>;
}

interface HistoryTarget {
  workspaceId: string;
  conversationId: string;
  addedMemberIds: string[];
}

/** Per conversation: ts → message id (earlier imports and this one), timeline end, roots touched. */
interface HistoryState {
  idByTs: Map<string, string>;
  rootsTouched: Set<string>;
  last: { seq: number; at: Date } | null;
  counts: HistoryCounts;
}

const bump = (counts: HistoryCounts, reason: SkipReason | 'already imported', n = 1) => counts.skipped.set(reason, (counts.skipped.get(reason) ?? 0) + n);

function toRow(target: HistoryTarget, state: HistoryState, m: PreparedMessage, seq: number): Written['row'] {
  const id = randomUUID();
  // A reply whose root is outside the export stays in the channel on its own.
  const rootId = m.threadTs ? (state.idByTs.get(m.threadTs) ?? null) : null;
  state.idByTs.set(m.ts, id);
  if (rootId) state.rootsTouched.add(rootId);
  return {
    id,
    workspaceId: target.workspaceId,
    conversationId: target.conversationId,
    seq,
    clientId: `${SLACK_CLIENT_PREFIX}${m.ts}`,
    authorType: m.author.type,
    authorId: m.author.type === 'member' ? m.author.userId : m.author.name.slice(0, 64),
    body: m.body,
    entities: m.entities,
    threadRootId: rootId,
    alsoInChannel: rootId !== null && m.alsoInChannel,
    hasLink: m.entities.links.length > 0,
    editedAt: m.editedAt,
    createdAt: m.createdAt,
  };
}

interface Written {
  row: NewMessageRow & { id: string; createdAt: Date };
  message: PreparedMessage;
}

function annotationsOf(target: HistoryTarget, written: Written[]): { mentions: MentionRow[]; reactions: NewReaction[] } {
  const mentions: MentionRow[] = [];
  const reactions: NewReaction[] = [];
  for (const { row, message } of written) {
    const base = { messageId: row.id, workspaceId: target.workspaceId };
    for (const m of message.entities.mentions) {
      mentions.push({ ...base, conversationId: target.conversationId, seq: row.seq, kind: m.kind, userId: m.userId ?? null });
    }
    for (const r of message.reactions) {
      for (const userId of r.userIds) reactions.push({ ...base, userId, emoji: r.emoji, createdAt: row.createdAt });
    }
  }
  return { mentions, reactions };
}

function noteTimelineEnd(state: HistoryState, written: Written[]): void {
  for (const { row } of written) {
    if (row.threadRootId !== null && !row.alsoInChannel) continue;
    const at = state.last && state.last.at > row.createdAt ? state.last.at : row.createdAt;
    state.last = { seq: Math.max(state.last?.seq ?? 0, row.seq), at };
  }
}

/** Writes one batch: seqs taken in one step, then messages, mentions and reactions in bulk. */
async function writeBatch(tx: Tx, target: HistoryTarget, state: HistoryState, batch: PreparedMessage[]): Promise<void> {
  if (batch.length === 0) return;
  const first = await takeSeqs(tx, target.workspaceId, batch.length);
  const all: Written[] = batch.map((message, i) => ({ row: toRow(target, state, message, first + i), message }));
  const inserted = new Set((await insertMessages(tx, all.map((w) => w.row))).map((r) => r.id));
  const written = all.filter((w) => inserted.has(w.row.id));
  const { mentions, reactions } = annotationsOf(target, written);
  await insertMentions(tx, mentions);
  state.counts.reactions += await insertReactions(tx, reactions);
  state.counts.messages += written.length;
  noteTimelineEnd(state, written);
}

/**
 * Imports the messages of one conversation inside the caller's transaction,
 * day file by day file, oldest first. Already imported messages (same ts)
 * are skipped, so running the import again adds only what is new.
 */
export async function importHistory(
  tx: Tx,
  source: SlackExportSource,
  plan: SlackConversationPlan,
  target: HistoryTarget,
  prepare: PrepareContext,
  onProgress: (processed: number) => void,
): Promise<HistoryCounts> {
  const idByTs = await listImportedTs(tx, target.conversationId);
  const state: HistoryState = { idByTs, rootsTouched: new Set(), last: null, counts: { messages: 0, threads: 0, reactions: 0, skipped: new Map() } };
  const alreadyThere = new Set(idByTs.keys());
  let batch: PreparedMessage[] = [];
  for (const file of plan.dayFiles) {
    const { messages, unreadable } = await readDayFile(source, file);
    if (unreadable > 0) bump(state.counts, 'unreadable message', unreadable);
    for (const m of messages.sort((a, b) => compareTs(a.ts, b.ts))) {
      const prepared = alreadyThere.has(m.ts) ? ({ skip: 'already imported' } as const) : prepareSlackMessage(m, prepare);
      if ('skip' in prepared) bump(state.counts, prepared.skip);
      else batch.push(prepared);
      if (batch.length >= IMPORT_BATCH) {
        await writeBatch(tx, target, state, batch);
        batch = [];
      }
    }
    onProgress(messages.length + unreadable);
  }
  await writeBatch(tx, target, state, batch);
  await finishConversation(tx, target, state);
  return state.counts;
}

async function finishConversation(tx: Tx, target: HistoryTarget, state: HistoryState): Promise<void> {
  await refreshThreadStats(tx, [...state.rootsTouched]);
  state.counts.threads = state.rootsTouched.size;
  if (!state.last) return;
  await setLastMessage(tx, target.conversationId, state.last.seq, state.last.at);
  await markReadUpTo(tx, target.conversationId, target.addedMemberIds, state.last.seq);
}
