import type { QueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../../../lib/api';
import { toast } from '../../../ui/toast';
import { insertCachedMessage } from '../api/cache';
import { sendMessageRequest } from '../api/messages-api';
import { pendingStore } from '../api/pending-store';

export interface Draft {
  workspaceId: string;
  conversationId: string;
  threadRootId: string | null;
  body: string;
  alsoSendToChannel?: boolean;
}

/** Waits between automatic retries; after the last one the message shows "Not sent" with a Retry button. */
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000];

const drafts = new Map<string, { draft: Draft; qc: QueryClient }>();
/** Retries waiting for their turn; coming back online runs them at once instead. */
const retryTimers = new Map<string, ReturnType<typeof setTimeout>>();

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    for (const [clientId, timer] of retryTimers) {
      clearTimeout(timer);
      retryTimers.delete(clientId);
      void attempt(clientId, 0);
    }
  });
}

/** crypto.randomUUID needs a secure context; getRandomValues works on plain http too. */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Worth trying again with the same clientId: the network failed, or the server had a moment. */
function isTransient(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 0 || err.status === 429 || err.status >= 500);
}

/**
 * Shows the message at once and sends it with a client-chosen id. Retries reuse
 * that id, so a request that did reach the server but whose answer was lost
 * cannot post the message twice.
 */
export function sendMessage(qc: QueryClient, draft: Draft): string {
  const clientId = newClientId();
  drafts.set(clientId, { draft, qc });
  pendingStore.put({
    clientId,
    workspaceId: draft.workspaceId,
    conversationId: draft.conversationId,
    threadRootId: draft.threadRootId,
    body: draft.body,
    createdAt: new Date().toISOString(),
    status: 'sending',
  });
  void attempt(clientId, 0);
  return clientId;
}

export function retryPending(clientId: string): void {
  void attempt(clientId, 0);
}

async function attempt(clientId: string, tries: number): Promise<void> {
  const entry = drafts.get(clientId);
  // Discarded meanwhile (or already confirmed by its realtime event).
  if (!entry || !pendingStore.get(clientId)) return void drafts.delete(clientId);
  const { draft, qc } = entry;
  pendingStore.setStatus(clientId, 'sending');
  try {
    const message = await sendMessageRequest(draft.workspaceId, draft.conversationId, {
      clientId,
      body: draft.body,
      ...(draft.threadRootId ? { threadRootId: draft.threadRootId, alsoSendToChannel: draft.alsoSendToChannel ?? false } : {}),
    });
    insertCachedMessage(qc, draft.workspaceId, message);
    pendingStore.resolve(clientId);
    drafts.delete(clientId);
  } catch (err) {
    const delay = RETRY_DELAYS_MS[tries];
    if (isTransient(err) && delay !== undefined) {
      retryTimers.set(
        clientId,
        setTimeout(() => {
          retryTimers.delete(clientId);
          void attempt(clientId, tries + 1);
        }, delay),
      );
      return;
    }
    pendingStore.setStatus(clientId, 'failed');
    if (!isTransient(err)) toast(errorMessage(err), 'error');
  }
}
