import type { Conversation } from '@aio/contracts';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useConversations } from './api/conversations-api';
import { useMarkRead } from './api/read-state-api';
import { useChat } from './chat-context';
import { neighbourConversation } from './sidebar/sidebar-order';

/** A dialog, menu or popup owns the keyboard while open: page shortcuts stay out of its way. */
function overlayOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"], [data-radix-popper-content-wrapper]') !== null;
}

/**
 * Conversation shortcuts: Esc marks it read, Alt+↑ / Alt+↓ move to the
 * previous / next conversation of the sidebar.
 */
export function useConversationShortcuts(conversation: Conversation): void {
  const { workspaceId, me } = useChat();
  const markRead = useMarkRead(workspaceId);
  const { data: conversations = [] } = useConversations(workspaceId);
  const navigate = useNavigate();
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || overlayOpen()) return;
      if (e.key === 'Escape' && !e.altKey && !e.ctrlKey && !e.metaKey) {
        markRead(conversation.id);
      } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        const next = neighbourConversation(conversations, me.id, conversation.id, e.key === 'ArrowDown' ? 1 : -1);
        if (!next) return;
        e.preventDefault();
        void navigate({ to: '/w/$workspaceId/c/$conversationId', params: { workspaceId, conversationId: next.id } });
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [conversation.id, conversations, markRead, me.id, navigate, workspaceId]);
}
