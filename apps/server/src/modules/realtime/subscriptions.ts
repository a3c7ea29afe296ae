import { type ServerFrame, WS_CLOSE } from '@aio/contracts';
import { encodeFrame } from './connection';
import type { RealtimeGateway } from './gateway';

/**
 * What the gateway listens to on the bus. Every node hears every event (over
 * Redis with many nodes) and passes it to the sockets it holds; a node with
 * nobody of that workspace connected drops it at once.
 */
export function subscribeGateway(gateway: RealtimeGateway): Array<() => void> {
  const { bus } = gateway.deps;
  return [
    bus.on('events.recorded', ({ workspaceId, events }) => {
      const room = gateway.room(workspaceId);
      if (room) for (const event of events) room.stream.push(event);
    }),
    bus.on('realtime.typing', ({ workspaceId, conversationId, threadRootId, userId }) => {
      const frame: ServerFrame = { type: 'typing', conversationId, threadRootId, userId };
      gateway.room(workspaceId)?.sendToConversation(conversationId, encodeFrame(frame), userId);
    }),
    bus.on('realtime.presence', ({ workspaceId, users }) => {
      const frame: ServerFrame = { type: 'presence', users };
      gateway.room(workspaceId)?.sendToEveryone(encodeFrame(frame));
    }),
    bus.on('member.removed', ({ workspaceId, userId }) => {
      gateway.closeAll(workspaceId, WS_CLOSE.REMOVED, 'removed from the workspace', userId);
      gateway.presence.forget(workspaceId, userId);
    }),
    bus.on('member.role_changed', ({ workspaceId, userId, role }) => {
      for (const connection of gateway.room(workspaceId)?.connections() ?? []) if (connection.userId === userId) connection.role = role;
    }),
    bus.on('workspace.deleted', ({ workspaceId }) => gateway.closeAll(workspaceId, WS_CLOSE.NOT_FOUND, 'workspace deleted')),
  ];
}
