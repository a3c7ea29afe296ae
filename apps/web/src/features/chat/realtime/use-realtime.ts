import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useCurrentUser } from '../../auth/session';
import { useMarkRead } from '../api/read-state-api';
import { WorkspaceConnection, type ConnectionOptions } from './connection';
import type { ConnectionStatus } from './socket-client';
import { typingPlace } from './typing-store';

/** Live connections by workspace, with how many components hold each. */
const connections = new Map<string, { connection: WorkspaceConnection; holders: number }>();

function acquire(workspaceId: string, options: ConnectionOptions): WorkspaceConnection {
  const entry = connections.get(workspaceId);
  if (entry) {
    entry.holders += 1;
    entry.connection.options = options;
    return entry.connection;
  }
  const connection = new WorkspaceConnection(workspaceId, options);
  connections.set(workspaceId, { connection, holders: 1 });
  connection.start();
  return connection;
}

function release(workspaceId: string): void {
  const entry = connections.get(workspaceId);
  if (!entry) return;
  entry.holders -= 1;
  if (entry.holders > 0) return;
  connections.delete(workspaceId);
  entry.connection.stop();
}

/**
 * The workspace's live connection, opened by the first component that needs it
 * and closed when the last one unmounts.
 */
export function useRealtime(workspaceId: string): WorkspaceConnection | undefined {
  const qc = useQueryClient();
  const me = useCurrentUser();
  const markRead = useMarkRead(workspaceId);
  const navigate = useNavigate();
  const [connection, setConnection] = useState<WorkspaceConnection>();
  useEffect(() => {
    const c = acquire(workspaceId, {
      qc,
      meId: me.id,
      markRead,
      openConversation: (conversation, message) =>
        void navigate({
          to: '/w/$workspaceId/c/$conversationId',
          params: { workspaceId, conversationId: conversation.id },
          search: { at: message.seq },
        }),
    });
    setConnection(c);
    return () => release(workspaceId);
  }, [workspaceId, qc, me.id, markRead, navigate]);
  return connection;
}

export function useConnectionStatus(connection: WorkspaceConnection | undefined): ConnectionStatus {
  return useSyncExternalStore(
    (l) => connection?.subscribeStatus(l) ?? (() => {}),
    () => connection?.status ?? 'connecting',
  );
}

const NO_ONE: string[] = [];

export function useTypingUsers(connection: WorkspaceConnection | undefined, conversationId: string, threadRootId: string | null): string[] {
  const place = typingPlace(conversationId, threadRootId);
  return useSyncExternalStore(
    (l) => connection?.typing.subscribe(l) ?? (() => {}),
    () => connection?.typing.usersIn(place) ?? NO_ONE,
  );
}

/** Tells the connection which conversation is on screen, so its new messages count as read. */
export function useViewingConversation(connection: WorkspaceConnection | undefined, conversationId: string): void {
  useEffect(() => {
    if (!connection) return;
    connection.viewing = conversationId;
    return () => {
      if (connection.viewing === conversationId) connection.viewing = null;
    };
  }, [connection, conversationId]);
}
