import type { Message, Reaction } from '@aio/contracts';
import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, errorMessage, request } from '../../../lib/api';
import { toast } from '../../../ui/toast';
import { useCurrentUser } from '../../auth/session';
import { tombstone } from './timeline';
import { updateCachedMessage } from './cache';
import { chatKeys } from './keys';
import { chatPaths } from './paths';
import { toggleReaction } from './reactions';

export interface MessageEdit {
  body: string;
  editedAt: string;
  editedBy: string | null;
}

export const editHistoryQuery = (workspaceId: string, messageId: string) =>
  queryOptions({
    queryKey: chatKeys.edits(workspaceId, messageId),
    queryFn: ({ signal }) => api.get<{ items: MessageEdit[] }>(`${chatPaths.message(workspaceId, messageId)}/edits`, signal).then((r) => r.items),
    staleTime: 0,
  });

/**
 * What a person can do to a message. Each change shows at once in every cache
 * holding the message; the server's event (or answer) then confirms it, and a
 * failure puts the previous state back and says why.
 */
export function useMessageActions(workspaceId: string) {
  const qc = useQueryClient();
  const me = useCurrentUser();
  return useMemo(() => {
    async function optimistic(m: Message, change: (m: Message) => Message, call: () => Promise<unknown>) {
      updateCachedMessage(qc, workspaceId, m.conversationId, m.id, change);
      try {
        await call();
      } catch (err) {
        updateCachedMessage(qc, workspaceId, m.conversationId, m.id, () => m);
        toast(errorMessage(err), 'error');
        throw err;
      }
    }
    const path = (m: Message) => chatPaths.message(workspaceId, m.id);
    return {
      edit: async (m: Message, body: string) => {
        const updated = await api.patch<Message>(path(m), { body });
        updateCachedMessage(qc, workspaceId, m.conversationId, m.id, () => updated);
      },
      remove: (m: Message) => optimistic(m, tombstone, () => api.delete(path(m))),
      react: (m: Message, emoji: string) =>
        optimistic(m, (x) => ({ ...x, reactions: toggleReaction(x.reactions, emoji, me.id) }), async () => {
          const { reactions } = await api.post<{ reactions: Reaction[] }>(`${path(m)}/reactions`, { emoji });
          updateCachedMessage(qc, workspaceId, m.conversationId, m.id, (x) => ({ ...x, reactions }));
        }).catch(() => {}),
      setPinned: (m: Message, pinned: boolean) =>
        optimistic(m, (x) => ({ ...x, pinned }), async () => {
          await request(pinned ? 'PUT' : 'DELETE', `${path(m)}/pin`);
          await qc.invalidateQueries({ queryKey: chatKeys.pins(workspaceId, m.conversationId) });
        }).catch(() => {}),
      setBookmarked: (m: Message, bookmarked: boolean) =>
        optimistic(m, (x) => ({ ...x, bookmarked }), async () => {
          await request(bookmarked ? 'PUT' : 'DELETE', `${path(m)}/bookmark`);
          await qc.invalidateQueries({ queryKey: chatKeys.bookmarks(workspaceId) });
        }).catch(() => {}),
    };
  }, [qc, workspaceId, me.id]);
}

export type MessageActions = ReturnType<typeof useMessageActions>;
