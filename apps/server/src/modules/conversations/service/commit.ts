import type { Tx } from '../../../db/client';
import type { Deps } from '../../../platform/context';
import { appendEvents, type DurableEvent, type RecordedEvent, takeSeqs } from '../../../platform/events/log';
import type { EventBus } from '../../../platform/events/types';
import type { ConversationEvents } from '../events';

type ChatEventName = keyof ConversationEvents;

/** Who receives a durable event (see log-schema.ts): a conversation's members, one user, or (neither) the workspace. */
export interface Audience {
  conversationId?: string | null;
  userId?: string | null;
}

export type ChatEvent = { [N in ChatEventName]: { name: N; payload: ConversationEvents[N] } & Audience }[ChatEventName];

export function chatEvent<N extends ChatEventName>(name: N, payload: ConversationEvents[N], audience: Audience = {}): ChatEvent {
  return { name, payload, ...audience } as ChatEvent;
}

export function toDurable(e: ChatEvent): DurableEvent {
  return { name: e.name, conversationId: e.conversationId ?? null, userId: e.userId ?? null, payload: e.payload };
}

/**
 * Takes the workspace's event-sequence row lock at the start of a transaction.
 * Every team-chat transaction ends by numbering its events, which locks that
 * row anyway; taking it first gives all of them one lock order (sequence, then
 * rows), so two of them can never deadlock on PostgreSQL.
 */
export async function lockEventLog(tx: Tx, workspaceId: string): Promise<void> {
  await takeSeqs(tx, workspaceId, 0);
}

/** After commit: the durable records for the realtime gateways, then the typed events for everyone else. */
export async function publishEvents(bus: EventBus, workspaceId: string, recorded: RecordedEvent[], events: ChatEvent[]): Promise<void> {
  if (recorded.length > 0) await bus.emit('events.recorded', { workspaceId, events: recorded });
  const emit = bus.emit as (name: string, payload: unknown) => Promise<void>;
  for (const e of events) await emit(e.name, e.payload);
}

/**
 * Runs a change and writes the events describing it in one transaction, then
 * publishes them. `work` must use only `tx` (one PGlite session deadlocks on
 * any other query while the transaction is open).
 */
export async function inChatTransaction<T>(
  deps: Pick<Deps, 'db' | 'bus'>,
  workspaceId: string,
  work: (tx: Tx) => Promise<{ result: T; events: ChatEvent[] }>,
): Promise<T> {
  const done = await deps.db.transaction(async (tx) => {
    await lockEventLog(tx, workspaceId);
    const out = await work(tx);
    const recorded = await appendEvents(tx, workspaceId, out.events.map(toDurable));
    return { ...out, recorded };
  });
  await publishEvents(deps.bus, workspaceId, done.recorded, done.events);
  return done.result;
}
