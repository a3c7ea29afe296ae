import type { Logger } from 'pino';
import { EventDispatcher } from './dispatcher';
import type { EventBus } from './types';

/**
 * The single-node bus. `emit` hands the event to every handler before it
 * resolves: synchronous handlers have run, async ones have started (and are
 * not awaited).
 */
export function createMemoryBus(log: Logger): EventBus {
  const dispatcher = new EventDispatcher(log);
  return {
    kind: 'memory',
    emit: async (name, payload) => dispatcher.deliver(name, payload),
    on: (name, handler) => dispatcher.on(name, handler),
    onAny: (handler) => dispatcher.onAny(handler),
    close: async () => dispatcher.clear(),
  };
}
