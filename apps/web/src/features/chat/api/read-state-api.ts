import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../../lib/api';
import { findCachedConversation, updateCachedConversation } from './cache';
import { chatPaths } from './paths';

/**
 * Marks a conversation read up to `seq` (default: its newest message). Skipped
 * when nothing is unread, so calling it on every new message while the
 * conversation is on screen costs nothing most of the time.
 */
export function useMarkRead(workspaceId: string) {
  const qc = useQueryClient();
  return useCallback(
    (conversationId: string, seq?: number) => {
      const conversation = findCachedConversation(qc, workspaceId, conversationId);
      const state = conversation?.readState;
      if (!conversation?.isMember || !state) return;
      const upTo = seq ?? conversation.lastMessageSeq ?? 0;
      if (state.unreadCount === 0 && state.mentionCount === 0 && state.lastReadSeq >= upTo) return;
      updateCachedConversation(qc, workspaceId, conversationId, (c) => ({
        ...c,
        readState: { lastReadSeq: Math.max(upTo, state.lastReadSeq), unreadCount: 0, mentionCount: 0 },
      }));
      // The server answers with a read_state.updated event too; a failure only leaves the badge for the next visit.
      api.post(`${chatPaths.conversation(workspaceId, conversationId)}/read`, seq === undefined ? {} : { seq }).catch(() => {});
    },
    [qc, workspaceId],
  );
}
