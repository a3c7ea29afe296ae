import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createMemoryBus } from './memory-bus';
import { createRedisBus } from './redis-bus';
import type { EventBus } from './types';

export type { AnyEventHandler, EventBus, EventHandler, EventMap, EventName } from './types';
export { createMemoryBus } from './memory-bus';
export { createRedisBus } from './redis-bus';

export interface CreateEventBusOptions {
  /** Set: the Redis bus, for many nodes. Unset: the in-process bus. */
  redisUrl?: string;
  prefix: string;
  log: Logger;
}

/** Picks the bus for this deployment. With Redis, the bus owns (and on close quits) its two connections. */
export async function createEventBus(opts: CreateEventBusOptions): Promise<EventBus> {
  if (!opts.redisUrl) return createMemoryBus(opts.log);
  const publisher = new Redis(opts.redisUrl);
  const subscriber = new Redis(opts.redisUrl);
  for (const [role, client] of [['publisher', publisher], ['subscriber', subscriber]] as const) {
    // ioredis reconnects by itself; without a listener an 'error' event would crash the process.
    client.on('error', (err) => opts.log.warn({ err, role }, 'event bus redis connection error'));
  }
  try {
    const bus = await createRedisBus({ publisher, subscriber, prefix: opts.prefix, log: opts.log });
    return {
      ...bus,
      async close() {
        await bus.close();
        await Promise.all([publisher.quit(), subscriber.quit()]);
      },
    };
  } catch (err) {
    publisher.disconnect();
    subscriber.disconnect();
    throw err;
  }
}
