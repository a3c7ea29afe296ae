import { ClientFrame, WS_CLOSE } from '@aio/contracts';
import type { RawData } from 'ws';
import type { z } from 'zod';
import { sendOverSocket } from './chat';
import type { Connection } from './connection';
import type { RealtimeGateway } from './gateway';

/** Parses and routes one client frame. Bad input never throws: it is answered or the socket is closed. */
export function handleFrame(gateway: RealtimeGateway, connection: Connection, data: RawData, isBinary: boolean): void {
  if (connection.state === 'closed') return;
  if (isBinary) return connection.close(WS_CLOSE.PROTOCOL_ERROR, 'frames are JSON text');
  let raw: unknown;
  try {
    raw = JSON.parse(data.toString());
  } catch {
    return connection.close(WS_CLOSE.PROTOCOL_ERROR, 'frames are JSON text');
  }
  const parsed = ClientFrame.safeParse(raw);
  if (connection.state === 'hello') {
    if (!parsed.success || parsed.data.type !== 'hello') return connection.close(WS_CLOSE.PROTOCOL_ERROR, 'the first frame must be a valid hello');
    void gateway.hello(connection, parsed.data);
    return;
  }
  if (!parsed.success) return answerInvalid(connection, raw, parsed.error);
  const frame = parsed.data;
  switch (frame.type) {
    case 'hello':
      return connection.close(WS_CLOSE.PROTOCOL_ERROR, 'hello comes once');
    case 'heartbeat':
      return gateway.presence.heartbeat(connection, frame.state);
    case 'typing':
      return relayTyping(gateway, connection, frame);
    case 'send':
      void sendOverSocket(gateway.deps, connection, frame);
      return;
  }
}

function answerInvalid(connection: Connection, raw: unknown, error: z.ZodError): void {
  const requestId = (raw as { requestId?: unknown } | null)?.requestId;
  connection.send({
    type: 'error',
    ...(typeof requestId === 'string' && requestId.length <= 64 ? { requestId } : {}),
    error: { code: 'VALIDATION_FAILED', message: error.issues.map((i) => `${i.path.join('.') || 'frame'}: ${i.message}`).join('; ') },
  });
}

/**
 * Typing goes out through the bus (the conversation's members may be on other
 * nodes), at most once per connection and conversation every few seconds, and
 * only from a member: the routing index already knows who is one.
 */
function relayTyping(gateway: RealtimeGateway, connection: Connection, frame: Extract<ClientFrame, { type: 'typing' }>): void {
  if (connection.state !== 'live') return;
  const member = gateway.room(connection.workspaceId)?.memberOf(connection.userId);
  if (!member?.conversationIds.has(frame.conversationId)) {
    connection.send({ type: 'error', error: { code: 'NOT_FOUND', message: 'Conversation not found' } });
    return;
  }
  if (!connection.allowTyping(frame.conversationId)) return;
  const event = { workspaceId: connection.workspaceId, conversationId: frame.conversationId, threadRootId: frame.threadRootId ?? null, userId: connection.userId };
  gateway.deps.bus.emit('realtime.typing', event).catch((err) => gateway.deps.log.warn({ err }, 'could not relay typing'));
}
