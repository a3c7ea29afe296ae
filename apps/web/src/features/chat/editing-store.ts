import { useSyncExternalStore } from 'react';

/**
 * Which message is being edited in place (at most one). A store rather than
 * context so only the two rows concerned re-render when it changes.
 */
let editingId: string | null = null;
const listeners = new Set<() => void>();

export function startEditing(messageId: string | null): void {
  editingId = messageId;
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useIsEditing(messageId: string): boolean {
  return useSyncExternalStore(subscribe, () => editingId === messageId);
}
