import { z } from 'zod';
import { Id } from './common';
import { Presence } from './conversations';

/**
 * WebSocket protocol at /api/v1/ws (session cookie or `Authorization: Bearer`
 * on the upgrade request). The first frame from the client is `hello`.
 */
export const ClientHello = z.object({
  type: z.literal('hello'),
  /** The workspace to follow; may also be given as ?workspaceId= on the URL. */
  workspaceId: Id.optional(),
  /** Last durable event seq the client processed; the server replays everything after it. */
  lastSeq: z.number().int().min(0).optional(),
});
export const ClientHeartbeat = z.object({ type: z.literal('heartbeat'), state: z.enum(['active', 'idle']).default('active') });
export const ClientTyping = z.object({ type: z.literal('typing'), conversationId: Id, threadRootId: Id.optional() });
export const ClientSend = z.object({
  type: z.literal('send'),
  /** Echoed in the ack. */
  requestId: z.string().max(64),
  conversationId: Id,
  clientId: z.string().min(1).max(64),
  body: z.string(),
  threadRootId: Id.optional(),
  alsoSendToChannel: z.boolean().optional(),
});
export const ClientFrame = z.discriminatedUnion('type', [ClientHello, ClientHeartbeat, ClientTyping, ClientSend]);
export type ClientFrame = z.infer<typeof ClientFrame>;

/**
 * Durable events carry a per-workspace seq; ephemeral frames (typing,
 * presence) do not. Presence changes arrive batched: one frame lists everyone
 * whose presence changed in the last moment, so a whole team reconnecting
 * costs each client a few frames instead of one per person.
 */
export interface ServerEventFrame {
  type: 'event';
  seq: number;
  name: string;
  data: unknown;
}
export type ServerFrame =
  | { type: 'ready'; workspaceId: string; userId: string; seq: number; replayed: number }
  | ServerEventFrame
  | { type: 'resync'; seq: number; reason: string }
  | { type: 'typing'; conversationId: string; threadRootId: string | null; userId: string }
  | { type: 'presence'; users: Presence[] }
  /**
   * A `send` was stored (or had been: duplicate). The message itself reaches
   * the sender as message.created like everyone else (or did, the first
   * time), so the ack only says which one it became.
   */
  | { type: 'ack'; requestId: string; messageId: string; seq: number; createdAt: string; duplicate: boolean }
  | { type: 'error'; requestId?: string; error: { code: string; message: string } };

/** Close codes the gateway uses (4000-4999 are the application's). */
export const WS_CLOSE = {
  /** No or bad credentials on the upgrade. */
  UNAUTHENTICATED: 4001,
  /** Not a member of the workspace (or it does not exist). */
  NOT_FOUND: 4004,
  /** The first frame was not a valid hello, or a frame could not be parsed. */
  PROTOCOL_ERROR: 4002,
  /** The client read too slowly; its outgoing buffer passed the limit. */
  SLOW_CONSUMER: 4008,
  /** Removed from the workspace while connected. */
  REMOVED: 4003,
} as const;
