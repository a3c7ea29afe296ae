import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { EventDispatcher } from './dispatcher';
import type { EventBus } from './types';

export interface RedisBusOptions {
  publisher: Redis;
  /** A connection of its own: once subscribed, Redis allows it no other commands. */
  subscriber: Redis;
  /** Namespaces the channel, so deployments (and test runs) sharing a Redis stay apart. */
  prefix: string;
  log: Logger;
}

interface Envelope {
  n: string;
  p: unknown;
}

/**
 * The multi-node bus over Redis pub/sub. Nothing is delivered locally at emit
 * time: the emitter gets its own events back from the subscription like every
 * other node, so all nodes see one order — Redis's. Pub/sub is at-most-once
 * (a node that is disconnected misses events); consumers needing durability
 * enqueue a job. Payloads travel as JSON, so they must be plain data.
 *
 * The caller owns both connections: `close()` only unsubscribes.
 */
export async function createRedisBus(opts: RedisBusOptions): Promise<EventBus> {
  const { publisher, subscriber, log } = opts;
  const channel = `${opts.prefix}:events`;
  const dispatcher = new EventDispatcher(log);

  const onMessage = (from: string, message: string) => {
    if (from !== channel) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch (err) {
      log.error({ err, channel }, 'unreadable event on the bus');
      return;
    }
    dispatcher.deliver(envelope.n, envelope.p);
  };
  subscriber.on('message', onMessage);
  // Resolves once Redis confirmed the subscription: nothing emitted after the
  // factory returns can be missed by this node.
  await subscriber.subscribe(channel);

  return {
    kind: 'redis',
    async emit(name, payload) {
      const envelope: Envelope = { n: name, p: payload };
      await publisher.publish(channel, JSON.stringify(envelope));
    },
    on: (name, handler) => dispatcher.on(name, handler),
    onAny: (handler) => dispatcher.onAny(handler),
    async close() {
      subscriber.off('message', onMessage);
      dispatcher.clear();
      // The connection may already be gone during shutdown; there is nothing left to undo then.
      await subscriber.unsubscribe(channel).catch(() => undefined);
    },
  };
}
