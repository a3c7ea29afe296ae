import type { Message } from '@aio/contracts';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, type ReactNode } from 'react';
import { useCurrentUser } from '../auth/session';
import { useMembers } from '../members/api';
import { useMessageActions } from './api/message-actions-api';
import { ChatContext, type ChatContextValue } from './chat-context';
import { useRealtime } from './realtime/use-realtime';

/** Everything message components need about where they are and who is looking. */
export function ChatProvider({ workspaceId, children }: { workspaceId: string; children: ReactNode }) {
  const me = useCurrentUser();
  const { data: members } = useMembers(workspaceId);
  const actions = useMessageActions(workspaceId);
  const connection = useRealtime(workspaceId);
  const navigate = useNavigate();

  const value = useMemo<ChatContextValue>(() => {
    const names = new Map((members ?? []).map((m) => [m.userId, m.name]));
    return {
      workspaceId,
      me,
      memberName: (userId) => (userId === me.id ? me.name : (names.get(userId) ?? 'Someone')),
      actions,
      connection,
      openThread: (message: Message) =>
        void navigate({
          to: '/w/$workspaceId/c/$conversationId/t/$threadRootId',
          params: { workspaceId, conversationId: message.conversationId, threadRootId: message.threadRootId ?? message.id },
        }),
      messageLink: (message: Message) =>
        `${location.origin}/w/${encodeURIComponent(workspaceId)}/c/${encodeURIComponent(message.conversationId)}?at=${message.seq}`,
    };
  }, [workspaceId, me, members, actions, connection, navigate]);

  return <ChatContext.Provider value={value}>{children}</ChatContext.Provider>;
}
