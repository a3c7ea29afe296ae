import type { Presence } from '@aio/contracts';

export type PresenceState = Presence['presence'];
/** What one node says about a user: null once it has no connection of theirs any more. */
export type NodePresence = Exclude<PresenceState, 'offline'> | null;

/**
 * Presence shared by every node: each node reports its own view of a user
 * (with a TTL, so a crashed node's view fades), and a user's presence is the
 * best of them: online over away over offline.
 */
export interface PresenceStore {
  /** Records this node's view; resolves to the user's overall presence when that changed, else null. */
  report(workspaceId: string, userId: string, nodeId: string, state: NodePresence, ttlMs: number): Promise<PresenceState | null>;
  read(workspaceId: string, userIds: string[]): Promise<Map<string, PresenceState>>;
}

export function bestOf(states: Iterable<string>): PresenceState {
  let best: PresenceState = 'offline';
  for (const state of states) {
    if (state === 'online') return 'online';
    if (state === 'away') best = 'away';
  }
  return best;
}

interface NodeView {
  state: Exclude<PresenceState, 'offline'>;
  expiresAt: number;
}

/** The single-node store, in memory (no REDIS_URL). */
export function createMemoryPresenceStore(): PresenceStore {
  const users = new Map<string, { views: Map<string, NodeView>; last: PresenceState }>();
  const keyOf = (workspaceId: string, userId: string) => `${workspaceId}:${userId}`;
  const current = (views: Map<string, NodeView>, now: number) => {
    for (const [node, view] of views) if (view.expiresAt <= now) views.delete(node);
    return bestOf([...views.values()].map((v) => v.state));
  };
  return {
    async report(workspaceId, userId, nodeId, state, ttlMs) {
      const key = keyOf(workspaceId, userId);
      const entry = users.get(key) ?? { views: new Map<string, NodeView>(), last: 'offline' as PresenceState };
      if (state) entry.views.set(nodeId, { state, expiresAt: Date.now() + ttlMs });
      else entry.views.delete(nodeId);
      const now = current(entry.views, Date.now());
      const changed = now !== entry.last;
      entry.last = now;
      if (entry.views.size === 0) users.delete(key);
      else users.set(key, entry);
      return changed ? now : null;
    },
    async read(workspaceId, userIds) {
      const now = Date.now();
      return new Map(userIds.map((id) => [id, current(users.get(keyOf(workspaceId, id))?.views ?? new Map(), now)]));
    },
  };
}
