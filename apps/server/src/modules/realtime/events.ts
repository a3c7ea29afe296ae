import type { Presence } from '@aio/contracts';

/** Ephemeral events: on the bus only, never in the durable log, no seq. */
export interface RealtimeEvents {
  'realtime.typing': { workspaceId: string; conversationId: string; threadRootId: string | null; userId: string };
  'realtime.presence': { workspaceId: string } & Presence;
}
