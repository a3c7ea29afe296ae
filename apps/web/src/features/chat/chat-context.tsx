import type { Me, Message } from '@aio/contracts';
import { createContext, useContext } from 'react';
import type { MessageActions } from './api/message-actions-api';
import type { WorkspaceConnection } from './realtime/connection';

export interface ChatContextValue {
  workspaceId: string;
  me: Me;
  /** A workspace member's display name ("Someone" when unknown, e.g. after they left). */
  memberName(userId: string): string;
  actions: MessageActions;
  openThread(message: Message): void;
  /** A shareable link to a message. */
  messageLink(message: Message): string;
  connection: WorkspaceConnection | undefined;
}

export const ChatContext = createContext<ChatContextValue | null>(null);

export function useChat(): ChatContextValue {
  const value = useContext(ChatContext);
  if (!value) throw new Error('useChat() used outside <ChatContext>');
  return value;
}
