import type { Presence } from '@aio/contracts';

/** Ephemeral events: on the bus only, never in the durable log, no seq. */
export interface RealtimeEvents {
  'realtime.typing': { workspaceId: string; conversationId: string; threadRootId: string | null; userId: string };
  /** Presence changes of a moment, batched per workspace. */
  'realtime.presence': { workspaceId: string; users: Presence[] };
}
