import type { DbOrTx } from '../../db/client';
import { currentSeq, readEventsAfter, type RecordedEvent } from '../../platform/events/log';
import { applyMembership, isInAudience } from './audience';
import type { Connection } from './connection';
import type { WorkspaceRoom } from './room';
import { toStreamEvent } from './seq-stream';

export interface SyncDeps {
  db: DbOrTx;
  maxReplayEvents: number;
  /** The connecting user's conversations, read after the connection's queue opened. */
  listConversationIds(): Promise<string[]>;
}

interface CatchUp {
  /** Where the client stands once the replay is through. */
  seq: number;
  events: RecordedEvent[];
  /** Set when the client must refetch instead: the log cannot close its gap. */
  resync?: 'unknown_seq' | 'too_far_behind' | 'events_pruned';
}

/** What a client that last saw `lastSeq` needs: the events after it, or a resync. */
export async function planCatchUp(db: DbOrTx, workspaceId: string, lastSeq: number | undefined, maxReplay: number): Promise<CatchUp> {
  const seq = await currentSeq(db, workspaceId);
  if (lastSeq === undefined || lastSeq === seq) return { seq, events: [] };
  if (lastSeq > seq) return { seq, events: [], resync: 'unknown_seq' };
  if (seq - lastSeq > maxReplay) return { seq, events: [], resync: 'too_far_behind' };
  // Seqs are dense: anything short of exactly (lastSeq, seq] means the oldest ones were pruned.
  const events = await readEventsAfter(db, workspaceId, lastSeq, seq - lastSeq);
  if (events.length !== seq - lastSeq || events[0]?.seq !== lastSeq + 1) return { seq, events: [], resync: 'events_pruned' };
  return { seq, events };
}

/**
 * Takes a connection from its hello to the live stream with no gap and no
 * duplicate:
 *
 * 1. it is in the room's catching-up set already (the gateway put it there);
 *    once the room's stream has started, its queue opens, and every event the
 *    room passes on from then is queued for it;
 * 2. its memberships and the log's current seq are read after that, so the
 *    replay (from the log) and the queue (from the bus) overlap, never miss;
 * 3. `ready`, then the replay (or a `resync`), then the queue, skipping seqs
 *    already sent and replaying membership changes in order;
 * 4. once the queue is empty it goes live in the same synchronous step, so no
 *    event can slip between the queue and the live stream. The log may be
 *    ahead of this node's stream (commits reach the bus a moment later), so
 *    live delivery too skips seqs the replay sent already.
 */
export async function syncConnection(room: WorkspaceRoom, connection: Connection, lastSeq: number | undefined, deps: SyncDeps): Promise<void> {
  await room.ready;
  if (!connection.isOpen) return;
  connection.backlog = [];
  const conversationIds = new Set(await deps.listConversationIds());
  const plan = await planCatchUp(deps.db, room.workspaceId, lastSeq, deps.maxReplayEvents);
  if (!connection.isOpen) return;

  const visible = plan.events.filter((e) => isInAudience(e, connection.userId, conversationIds));
  connection.sentSeq = plan.seq;
  connection.send({ type: 'ready', workspaceId: room.workspaceId, userId: connection.userId, seq: plan.seq, replayed: visible.length });
  if (plan.resync) connection.send({ type: 'resync', seq: plan.seq, reason: plan.resync });
  for (const event of visible) {
    if (!(await connection.sendPaced(toStreamEvent(event).frame))) return;
  }
  await drainBacklogThenGoLive(room, connection, conversationIds);
}

async function drainBacklogThenGoLive(room: WorkspaceRoom, connection: Connection, conversationIds: Set<string>): Promise<void> {
  const userId = connection.userId;
  for (;;) {
    const backlog = connection.backlog;
    if (!backlog || !connection.isOpen) return;
    if (backlog.length === 0) {
      room.goLive(connection, conversationIds);
      return;
    }
    for (const event of backlog.splice(0)) {
      applyMembership(event, userId, conversationIds);
      const due = event.seq > connection.sentSeq && isInAudience(event, userId, conversationIds);
      if (event.seq > connection.sentSeq) connection.sentSeq = event.seq;
      if (due && !(await connection.sendPaced(event.frame))) return;
    }
  }
}
