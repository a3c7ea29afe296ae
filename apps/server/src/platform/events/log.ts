import { and, asc, eq, gt, lt, min, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { workspaceEvents, workspaceSequences } from './log-schema';

/**
 * Fills a seq that was taken but whose change did not happen (a duplicate send
 * lost a race): the log stays dense, so readers never wait on a gap, and
 * nobody receives it. The database function insert_message_batch (migration
 * 0005) writes this name too.
 */
export const NOOP_EVENT = 'noop';

/** A durable event before it is numbered. See log-schema.ts for the audience rule. */
export interface DurableEvent {
  name: string;
  conversationId?: string | null;
  userId?: string | null;
  payload: unknown;
}

export interface RecordedEvent {
  workspaceId: string;
  seq: number;
  name: string;
  conversationId: string | null;
  userId: string | null;
  payload: unknown;
}

/** The bus event that carries freshly committed durable events to the realtime gateways. */
export interface EventLogEvents {
  'events.recorded': { workspaceId: string; events: RecordedEvent[] };
}

/**
 * Hands out `count` consecutive seqs for a workspace and returns the first.
 * Must run inside the transaction that writes the events: the counter row
 * stays locked until it commits.
 */
export async function takeSeqs(tx: DbOrTx, workspaceId: string, count: number): Promise<number> {
  const [row] = await tx
    .insert(workspaceSequences)
    .values({ workspaceId, lastSeq: count })
    .onConflictDoUpdate({ target: workspaceSequences.workspaceId, set: { lastSeq: sql`${workspaceSequences.lastSeq} + ${count}` } })
    .returning({ lastSeq: workspaceSequences.lastSeq });
  return Number(row!.lastSeq) - count + 1;
}

/** Writes events with seqs already taken (first, first+1, …) in the caller's transaction. */
export async function insertNumberedEvents(tx: DbOrTx, workspaceId: string, firstSeq: number, events: DurableEvent[]): Promise<RecordedEvent[]> {
  if (events.length === 0) return [];
  const rows: RecordedEvent[] = events.map((e, i) => ({
    workspaceId,
    seq: firstSeq + i,
    name: e.name,
    conversationId: e.conversationId ?? null,
    userId: e.userId ?? null,
    payload: e.payload,
  }));
  await tx.insert(workspaceEvents).values(rows);
  return rows;
}

/** Numbers and writes events in the caller's transaction. */
export async function appendEvents(tx: DbOrTx, workspaceId: string, events: DurableEvent[]): Promise<RecordedEvent[]> {
  if (events.length === 0) return [];
  const first = await takeSeqs(tx, workspaceId, events.length);
  return insertNumberedEvents(tx, workspaceId, first, events);
}

export async function readEventsAfter(db: DbOrTx, workspaceId: string, afterSeq: number, limit: number): Promise<RecordedEvent[]> {
  const rows = await db
    .select()
    .from(workspaceEvents)
    .where(and(eq(workspaceEvents.workspaceId, workspaceId), gt(workspaceEvents.seq, afterSeq)))
    .orderBy(asc(workspaceEvents.seq))
    .limit(limit);
  return rows.map(({ createdAt: _, ...r }) => r);
}

export async function currentSeq(db: DbOrTx, workspaceId: string): Promise<number> {
  const [row] = await db.select({ lastSeq: workspaceSequences.lastSeq }).from(workspaceSequences).where(eq(workspaceSequences.workspaceId, workspaceId));
  return Number(row?.lastSeq ?? 0);
}

/** The oldest seq still kept; a client that last saw an older one must resync. */
export async function oldestRetainedSeq(db: DbOrTx, workspaceId: string): Promise<number | null> {
  const [row] = await db.select({ seq: min(workspaceEvents.seq) }).from(workspaceEvents).where(eq(workspaceEvents.workspaceId, workspaceId));
  return row?.seq == null ? null : Number(row.seq);
}

/** Drops events older than the retention window (the messages themselves stay). */
export async function pruneEvents(db: DbOrTx, olderThan: Date): Promise<void> {
  await db.delete(workspaceEvents).where(lt(workspaceEvents.createdAt, olderThan));
}
