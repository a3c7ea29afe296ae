import { useSyncExternalStore } from 'react';

/** A message typed here that the server has not confirmed yet. */
export interface PendingMessage {
  clientId: string;
  workspaceId: string;
  conversationId: string;
  threadRootId: string | null;
  body: string;
  createdAt: string;
  status: 'sending' | 'failed';
}

const pending = new Map<string, PendingMessage>();
const snapshots = new Map<string, PendingMessage[]>();
const listeners = new Set<() => void>();

const placeOf = (p: Pick<PendingMessage, 'conversationId' | 'threadRootId'>) => `${p.conversationId}:${p.threadRootId ?? ''}`;

function changed(): void {
  snapshots.clear();
  listeners.forEach((l) => l());
}

export const pendingStore = {
  put(message: PendingMessage): void {
    pending.set(message.clientId, message);
    changed();
  },
  setStatus(clientId: string, status: PendingMessage['status']): void {
    const p = pending.get(clientId);
    if (!p || p.status === status) return;
    pending.set(clientId, { ...p, status });
    changed();
  },
  /** The server has the message (from its answer or its event): the optimistic copy goes. */
  resolve(clientId: string | null): void {
    if (clientId && pending.delete(clientId)) changed();
  },
  get(clientId: string): PendingMessage | undefined {
    return pending.get(clientId);
  },
  /** Pending messages of one conversation (threadRootId null) or one thread, oldest first. */
  in(conversationId: string, threadRootId: string | null): PendingMessage[] {
    const place = placeOf({ conversationId, threadRootId });
    let list = snapshots.get(place);
    if (!list) {
      list = [...pending.values()].filter((p) => placeOf(p) === place);
      snapshots.set(place, list);
    }
    return list;
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function usePendingMessages(conversationId: string, threadRootId: string | null): PendingMessage[] {
  return useSyncExternalStore(pendingStore.subscribe, () => pendingStore.in(conversationId, threadRootId));
}
