import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventBus } from './index';
import { createMemoryBus } from './memory-bus';
import { createRedisBus } from './redis-bus';
import type { EventBus } from './types';

declare module './types' {
  interface EventMap {
    'test.pinged': { seq: number };
    'test.ponged': { seq: number };
  }
}

const log = pino({ level: 'silent' });

/** Several buses sharing one transport: the nodes of a cluster (one node for the memory bus). */
interface BusCluster {
  nodes: EventBus[];
  close(): Promise<void>;
}

/** Waits (briefly) for an assertion to hold: Redis delivers asynchronously. */
const eventually = (assertion: () => void) => vi.waitFor(assertion, { timeout: 2000, interval: 5 });

const settle = (ms = 100) => new Promise((r) => setTimeout(r, ms));

export function describeBusContract(name: string, makeCluster: (size: number) => Promise<BusCluster>) {
  describe(`event bus contract: ${name}`, () => {
    let cluster: BusCluster | undefined;
    afterEach(async () => {
      await cluster?.close();
      cluster = undefined;
    });

    it('delivers an emitted event with its payload to each handler once', async () => {
      cluster = await makeCluster(1);
      const [bus] = cluster.nodes as [EventBus];
      const a: number[] = [];
      const b: number[] = [];
      bus.on('test.pinged', (p) => void a.push(p.seq));
      bus.on('test.pinged', async (p) => void b.push(p.seq));
      await bus.emit('test.pinged', { seq: 7 });
      await eventually(() => expect([a, b]).toEqual([[7], [7]]));
      await settle();
      expect([a, b]).toEqual([[7], [7]]);
    });

    it('keeps the emitter order and routes by name; onAny sees every event', async () => {
      cluster = await makeCluster(1);
      const [bus] = cluster.nodes as [EventBus];
      const pings: number[] = [];
      const all: string[] = [];
      bus.on('test.pinged', (p) => void pings.push(p.seq));
      bus.onAny((event, payload) => void all.push(`${event}:${(payload as { seq: number }).seq}`));
      for (let seq = 0; seq < 50; seq++) {
        await bus.emit(seq % 2 ? 'test.ponged' : 'test.pinged', { seq });
      }
      await eventually(() => expect(all).toHaveLength(50));
      expect(pings).toEqual(Array.from({ length: 25 }, (_, i) => i * 2));
      expect(all.slice(0, 3)).toEqual(['test.pinged:0', 'test.ponged:1', 'test.pinged:2']);
    });

    it('never lets a failing handler reach the emitter or the other handlers', async () => {
      cluster = await makeCluster(1);
      const [bus] = cluster.nodes as [EventBus];
      const seen: number[] = [];
      bus.on('test.pinged', () => {
        throw new Error('sync failure');
      });
      bus.on('test.pinged', async () => {
        throw new Error('async failure');
      });
      bus.on('test.pinged', (p) => void seen.push(p.seq));
      await expect(bus.emit('test.pinged', { seq: 1 })).resolves.toBeUndefined();
      await eventually(() => expect(seen).toEqual([1]));
    });

    it('does not hold the emitter while a handler is slow', async () => {
      cluster = await makeCluster(1);
      const [bus] = cluster.nodes as [EventBus];
      let finished = false;
      bus.on('test.pinged', () => new Promise<void>((r) => setTimeout(() => r(void (finished = true)), 500)));
      const started = Date.now();
      await bus.emit('test.pinged', { seq: 1 });
      expect(Date.now() - started).toBeLessThan(300);
      expect(finished).toBe(false);
    });

    it('stops delivering to a handler once it unsubscribes', async () => {
      cluster = await makeCluster(1);
      const [bus] = cluster.nodes as [EventBus];
      const seen: number[] = [];
      const any: number[] = [];
      const off = bus.on('test.pinged', (p) => void seen.push(p.seq));
      const offAny = bus.onAny(() => void any.push(1));
      await bus.emit('test.pinged', { seq: 1 });
      await eventually(() => expect([seen, any]).toEqual([[1], [1]]));
      off();
      offAny();
      await bus.emit('test.pinged', { seq: 2 });
      await settle();
      expect(seen).toEqual([1]);
      expect(any).toEqual([1]);
    });

    it('delivers events emitted by a handler after the current event reached everyone', async () => {
      cluster = await makeCluster(1);
      const [bus] = cluster.nodes as [EventBus];
      const order: string[] = [];
      bus.on('test.pinged', (p) => {
        order.push(`first:ping${p.seq}`);
        void bus.emit('test.ponged', { seq: p.seq });
      });
      bus.on('test.pinged', (p) => void order.push(`second:ping${p.seq}`));
      bus.on('test.ponged', (p) => void order.push(`first:pong${p.seq}`));
      await bus.emit('test.pinged', { seq: 1 });
      await eventually(() => expect(order).toHaveLength(3));
      expect(order).toEqual(['first:ping1', 'second:ping1', 'first:pong1']);
    });

    it('reaches the handlers of every node exactly once, the emitter included', async () => {
      cluster = await makeCluster(2);
      const counts = cluster.nodes.map(() => [] as number[]);
      cluster.nodes.forEach((bus, i) => bus.on('test.pinged', (p) => void counts[i]?.push(p.seq)));
      await cluster.nodes[0]?.emit('test.pinged', { seq: 1 });
      await cluster.nodes[1]?.emit('test.pinged', { seq: 2 });
      await eventually(() => expect(counts.flat()).toHaveLength(4));
      await settle();
      // Same events, same order, on both nodes.
      expect(counts).toEqual([
        [1, 2],
        [1, 2],
      ]);
    });
  });
}

describeBusContract('memory', async () => {
  // One process is one node: the "cluster" is a single bus seen from two places.
  const bus = createMemoryBus(log);
  return { nodes: [bus, bus], close: () => bus.close() };
});

const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  describeBusContract('redis', async (size) => {
    const prefix = `aio-test-${randomBytes(6).toString('hex')}`;
    const connections: Redis[] = [];
    const nodes: EventBus[] = [];
    for (let i = 0; i < size; i++) {
      const publisher = new Redis(redisUrl);
      const subscriber = new Redis(redisUrl);
      connections.push(publisher, subscriber);
      nodes.push(await createRedisBus({ publisher, subscriber, prefix, log }));
    }
    return {
      nodes,
      async close() {
        await Promise.all(nodes.map((n) => n.close()));
        await Promise.all(connections.map((c) => c.quit()));
      },
    };
  });

  describe('createEventBus with a Redis URL', () => {
    it('builds a Redis bus that owns and releases its connections', async () => {
      const bus = await createEventBus({ redisUrl, prefix: `aio-test-${randomBytes(6).toString('hex')}`, log });
      expect(bus.kind).toBe('redis');
      const seen: number[] = [];
      bus.on('test.pinged', (p) => void seen.push(p.seq));
      await bus.emit('test.pinged', { seq: 3 });
      await eventually(() => expect(seen).toEqual([3]));
      await bus.close();
    });
  });
}

describe('createEventBus without a Redis URL', () => {
  it('builds the in-process bus', async () => {
    const bus = await createEventBus({ prefix: 'aio', log });
    expect(bus.kind).toBe('memory');
    await bus.close();
  });
});
