import type { AuditEvents } from '../../modules/audit/events';
import type { AuthCacheEvents } from '../../modules/auth/auth-cache';
import type { WorkspaceEvents } from '../../modules/workspaces/events';
import type { ConversationEvents } from '../../modules/conversations/events';
import type { RealtimeEvents } from '../../modules/realtime/events';
import type { EventLogEvents } from './log';

/** Every domain event: name → payload. Payloads carry ids and a small snapshot, never ORM rows. */
export interface EventMap extends WorkspaceEvents, AuditEvents, EventLogEvents, ConversationEvents, RealtimeEvents, AuthCacheEvents {}

export type EventName = keyof EventMap & string;
export type EventHandler<N extends EventName> = (payload: EventMap[N]) => void | Promise<void>;
export type AnyEventHandler = <N extends EventName>(name: N, payload: EventMap[N]) => void | Promise<void>;

/**
 * Producers persist, commit, then emit. In-process by default; over Redis
 * pub/sub across nodes when REDIS_URL is set, where every node (the emitter
 * too) receives each event once, in the order Redis delivered it.
 * A failing handler is logged and never reaches the emitter.
 */
export interface EventBus {
  readonly kind: 'memory' | 'redis';
  emit<N extends EventName>(name: N, payload: EventMap[N]): Promise<void>;
  on<N extends EventName>(name: N, handler: EventHandler<N>): () => void;
  /** Every event, for consumers that route by name (the realtime gateway). */
  onAny(handler: AnyEventHandler): () => void;
  close(): Promise<void>;
}
