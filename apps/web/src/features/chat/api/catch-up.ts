import type { QueryClient } from '@tanstack/react-query';
import { chatKeys } from './keys';
import { fetchMessagesPage } from './messages-api';
import { appendPage, type Timeline } from './timeline';

/**
 * After a fresh (not resumed) connection, loaded timelines may have missed
 * messages sent between their fetch and the socket's start: fetch what came
 * after each one's newest message. A window that is too far behind is reloaded.
 */
export async function catchUpTimelines(qc: QueryClient, workspaceId: string): Promise<void> {
  const cached = qc.getQueriesData<Timeline>({ queryKey: chatKeys.timelines(workspaceId) });
  await Promise.all(
    cached.map(async ([key, timeline]) => {
      const last = timeline?.items[timeline.items.length - 1];
      const conversationId = key[key.length - 1];
      if (!timeline || timeline.hasMoreAfter || !last || typeof conversationId !== 'string') return;
      try {
        const page = await fetchMessagesPage(workspaceId, conversationId, { after: last.seq });
        if (page.hasMoreAfter) return void qc.invalidateQueries({ queryKey: key, exact: true });
        qc.setQueryData<Timeline>(key, (t) => t && appendPage(t, page));
      } catch {
        // The next reconnect or a manual reload fills the gap; nothing to show here.
      }
    }),
  );
}

/** After a resync everything chat-related is stale: reload what is on screen, forget the rest. */
export async function resyncChat(qc: QueryClient, workspaceId: string): Promise<void> {
  qc.removeQueries({ queryKey: chatKeys.timelines(workspaceId), type: 'inactive' });
  qc.removeQueries({ queryKey: chatKeys.threads(workspaceId), type: 'inactive' });
  await qc.invalidateQueries({ queryKey: chatKeys.all(workspaceId) });
}
