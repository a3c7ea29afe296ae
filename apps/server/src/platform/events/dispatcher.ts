import type { Logger } from 'pino';
import { isThenable } from '../thenable';
import type { AnyEventHandler, EventHandler, EventMap, EventName } from './types';

type Handler = (payload: unknown) => void | Promise<void>;

/**
 * The local half of every bus: who listens to what, and delivery to them.
 * Both the memory bus and the Redis bus hand incoming events to `deliver`.
 * Handlers for the name run first, then `onAny` handlers, each in the order
 * they subscribed.
 */
export class EventDispatcher {
  // Arrays are replaced, never mutated, so a handler that unsubscribes during
  // delivery does not shift the loop that is calling it.
  private readonly byName = new Map<string, readonly Handler[]>();
  private anyHandlers: readonly AnyEventHandler[] = [];
  // Events emitted by a handler wait until the current event has reached every
  // handler, so all handlers see events in the same order (as over Redis).
  private readonly backlog: Array<[string, unknown]> = [];
  private delivering = false;

  constructor(private readonly log: Logger) {}

  on<N extends EventName>(name: N, handler: EventHandler<N>): () => void {
    const h = handler as Handler;
    this.byName.set(name, [...(this.byName.get(name) ?? []), h]);
    return () => {
      const rest = without(this.byName.get(name) ?? [], h);
      if (rest.length) this.byName.set(name, rest);
      else this.byName.delete(name);
    };
  }

  onAny(handler: AnyEventHandler): () => void {
    this.anyHandlers = [...this.anyHandlers, handler];
    return () => {
      this.anyHandlers = without(this.anyHandlers, handler);
    };
  }

  deliver(name: string, payload: unknown): void {
    this.backlog.push([name, payload]);
    if (this.delivering) return;
    this.delivering = true;
    try {
      for (let next = this.backlog.shift(); next; next = this.backlog.shift()) this.deliverOne(next[0], next[1]);
    } finally {
      this.delivering = false;
    }
  }

  clear(): void {
    this.byName.clear();
    this.anyHandlers = [];
  }

  private deliverOne(name: string, payload: unknown): void {
    const handlers = this.byName.get(name);
    if (handlers) for (const handler of handlers) this.call(name, () => handler(payload));
    for (const handler of this.anyHandlers) {
      this.call(name, () => handler(name as EventName, payload as EventMap[EventName]));
    }
  }

  private call(event: string, invoke: () => void | Promise<void>): void {
    try {
      const result = invoke();
      // Not awaited: a slow consumer must not hold up the emitter (this runs
      // for every chat message); its failure is only logged.
      if (isThenable(result)) result.then(undefined, (err) => this.report(err, event));
    } catch (err) {
      this.report(err, event);
    }
  }

  private report(err: unknown, event: string): void {
    this.log.error({ err, event }, 'event handler failed');
  }
}

/** Removes one registration only: the same function subscribed twice stays subscribed once. */
function without<T>(list: readonly T[], item: T): readonly T[] {
  const i = list.indexOf(item);
  return i < 0 ? list : [...list.slice(0, i), ...list.slice(i + 1)];
}
