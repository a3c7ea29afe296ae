import type { Logger } from '../../../platform/logger';
import type { Connection } from '../connection';
import type { RealtimeOptions } from '../limits';
import type { NodePresence, PresenceState, PresenceStore } from './store';

interface Entry {
  workspaceId: string;
  userId: string;
  connections: Set<Connection>;
  /** What this node last told the store. */
  reported: NodePresence;
  reportedAt: number;
  /** When the last connection closed; offline only after the grace period. */
  goneSince: number | null;
}

export interface PresenceTrackerOptions {
  store: PresenceStore;
  nodeId: string;
  timings: Pick<RealtimeOptions, 'awayAfterMs' | 'offlineGraceMs' | 'presenceTtlMs'>;
  /** A user's overall presence changed (this node saw the change happen): announce it. */
  onChange(workspaceId: string, userId: string, presence: PresenceState): void;
  log: Logger;
}

/**
 * This node's view of who is around: from the connections it holds and their
 * heartbeats. Reports go to the shared store when the view changes and, to
 * keep the store's TTL alive, every third of it.
 */
export class PresenceTracker {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly opts: PresenceTrackerOptions) {}

  connected(connection: Connection): void {
    const key = `${connection.workspaceId}:${connection.userId}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { workspaceId: connection.workspaceId, userId: connection.userId, connections: new Set(), reported: null, reportedAt: 0, goneSince: null };
      this.entries.set(key, entry);
    }
    entry.connections.add(connection);
    entry.goneSince = null;
    this.refresh(entry, Date.now());
  }

  disconnected(connection: Connection): void {
    const entry = this.entries.get(`${connection.workspaceId}:${connection.userId}`);
    if (!entry?.connections.delete(connection)) return;
    if (entry.connections.size === 0) entry.goneSince = Date.now();
  }

  heartbeat(connection: Connection, state: 'active' | 'idle'): void {
    connection.lastHeartbeatAt = Date.now();
    connection.idle = state === 'idle';
    const entry = this.entries.get(`${connection.workspaceId}:${connection.userId}`);
    if (entry) this.refresh(entry, connection.lastHeartbeatAt);
  }

  /** Removed from the workspace: offline at once, no grace. */
  forget(workspaceId: string, userId: string): void {
    const key = `${workspaceId}:${userId}`;
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.report(entry, null, Date.now());
  }

  /** Runs on the gateway's shared interval. */
  sweep(): void {
    const now = Date.now();
    for (const entry of this.entries.values()) this.refresh(entry, now);
  }

  /** Tells the store about every user here as gone (shutdown), so other nodes see them leave. */
  async shutdown(): Promise<void> {
    const entries = [...this.entries.values()];
    this.entries.clear();
    await Promise.allSettled(entries.map((e) => this.opts.store.report(e.workspaceId, e.userId, this.opts.nodeId, null, this.opts.timings.presenceTtlMs)));
  }

  private refresh(entry: Entry, now: number): void {
    const state = this.viewOf(entry, now);
    if (state === null) this.entries.delete(`${entry.workspaceId}:${entry.userId}`);
    const due = now - entry.reportedAt >= this.opts.timings.presenceTtlMs / 3;
    if (state !== entry.reported || (state !== null && due)) this.report(entry, state, now);
  }

  private viewOf(entry: Entry, now: number): NodePresence {
    const { awayAfterMs, offlineGraceMs } = this.opts.timings;
    if (entry.connections.size === 0) {
      return entry.goneSince !== null && now - entry.goneSince >= offlineGraceMs ? null : entry.reported;
    }
    for (const c of entry.connections) if (!c.idle && now - c.lastHeartbeatAt < awayAfterMs) return 'online';
    return 'away';
  }

  private report(entry: Entry, state: NodePresence, now: number): void {
    entry.reported = state;
    entry.reportedAt = now;
    const { workspaceId, userId } = entry;
    this.opts.store.report(workspaceId, userId, this.opts.nodeId, state, this.opts.timings.presenceTtlMs).then(
      (changed) => {
        if (changed) this.opts.onChange(workspaceId, userId, changed);
      },
      (err) => this.opts.log.warn({ err, workspaceId, userId }, 'could not record presence'),
    );
  }
}
