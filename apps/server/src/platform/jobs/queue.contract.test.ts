import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import type { AppError } from '../errors';
import { createBullmqQueue } from './bullmq-queue';
import { createDbQueue } from './db-queue';
import { jobSchedules, jobs } from './schema';
import type { Job, JobQueue } from './types';

declare module './types' {
  interface JobMap {
    'test.echo': { n: number; text?: string; nested?: { list: Array<number | string | null>; flag: boolean } };
    'test.tick': { label: string };
  }
}

const log = pino({ level: 'silent' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for an assertion to hold, polling: jobs run in the background. */
const eventually = (assertion: () => void, timeout = 3000) => vi.waitFor(assertion, { timeout, interval: 10 });

interface Run {
  job: Job<unknown>;
  at: number;
}

/** A shared store (database or Redis); `create()` is one more node, or the same node after a restart. */
interface QueueBackend {
  create(): JobQueue;
  dispose(): Promise<void>;
}

export function describeQueueContract(name: string, makeBackend: () => Promise<QueueBackend>) {
  describe(`job queue contract: ${name}`, () => {
    let backend: QueueBackend | undefined;
    const queues: JobQueue[] = [];
    const runs: Run[] = [];

    async function setup(): Promise<QueueBackend> {
      backend = await makeBackend();
      return backend;
    }
    function node(): JobQueue {
      const queue = (backend as QueueBackend).create();
      queues.push(queue);
      return queue;
    }
    const record = async (job: Job<unknown>) => void runs.push({ job, at: Date.now() });

    afterEach(async () => {
      await Promise.all(queues.splice(0).map((q) => q.stop()));
      runs.splice(0);
      await backend?.dispose();
      backend = undefined;
    });

    it('runs each job once, with its data intact, whether enqueued before or after start', async () => {
      await setup();
      const q = node();
      q.handle('test.echo', record);
      const data = { n: 1, text: 'héllo "quoted" ✓', nested: { list: [1, 'a', null], flag: true } };
      const before = await q.enqueue('test.echo', data);
      await q.start();
      const after = await q.enqueue('test.echo', { n: 2 });
      await eventually(() => expect(runs).toHaveLength(2));
      await sleep(300);
      expect(runs).toHaveLength(2);
      const first = runs.find((r) => r.job.id === before);
      expect(first?.job).toMatchObject({ name: 'test.echo', data, attempt: 1 });
      expect(runs.find((r) => r.job.id === after)?.job.data).toEqual({ n: 2 });
    });

    it('does not run a job before its delayMs or runAt', async () => {
      await setup();
      const q = node();
      q.handle('test.echo', record, { concurrency: 2 });
      await q.start();
      const t0 = Date.now();
      await q.enqueue('test.echo', { n: 1 }, { delayMs: 600 });
      await q.enqueue('test.echo', { n: 2 }, { runAt: new Date(t0 + 900) });
      await eventually(() => expect(runs).toHaveLength(2), 3000);
      const at = (n: number) => (runs.find((r) => (r.job.data as { n: number }).n === n)?.at ?? 0) - t0;
      // A few ms of slack: the store's clock and ours round differently.
      expect(at(1)).toBeGreaterThanOrEqual(580);
      expect(at(2)).toBeGreaterThanOrEqual(880);
    });

    it('retries a failing job with exponential backoff until it succeeds', async () => {
      await setup();
      const q = node();
      q.handle('test.echo', async (job) => {
        await record(job);
        if (job.attempt < 3) throw new Error(`attempt ${job.attempt} fails`);
      });
      await q.start();
      await q.enqueue('test.echo', { n: 1 }, { maxAttempts: 5, backoffMs: 100 });
      await eventually(() => expect(runs).toHaveLength(3));
      await sleep(600);
      expect(runs.map((r) => r.job.attempt)).toEqual([1, 2, 3]);
      expect(runs.map((r) => r.job.maxAttempts)).toEqual([5, 5, 5]);
      const [a, b, c] = runs.map((r) => r.at) as [number, number, number];
      expect(b - a).toBeGreaterThanOrEqual(90);
      expect(c - b).toBeGreaterThanOrEqual(190);
    });

    it('stops retrying once maxAttempts are used up', async () => {
      await setup();
      const q = node();
      q.handle('test.echo', async (job) => {
        await record(job);
        throw new Error('always fails');
      });
      await q.start();
      await q.enqueue('test.echo', { n: 1 }, { maxAttempts: 2, backoffMs: 50 });
      await eventually(() => expect(runs).toHaveLength(2));
      await sleep(500);
      expect(runs.map((r) => r.job.attempt)).toEqual([1, 2]);
    });

    it('keeps one job per dedupeKey while it is pending, and frees the key once it ran', async () => {
      await setup();
      const q = node();
      q.handle('test.echo', record);
      const first = await q.enqueue('test.echo', { n: 1 }, { dedupeKey: 'digest:42' });
      const second = await q.enqueue('test.echo', { n: 2 }, { dedupeKey: 'digest:42' });
      expect(second).toBe(first);
      await q.start();
      await eventually(() => expect(runs).toHaveLength(1));
      await sleep(300);
      expect(runs.map((r) => r.job.data)).toEqual([{ n: 1 }]);
      const third = await q.enqueue('test.echo', { n: 3 }, { dedupeKey: 'digest:42' });
      expect(third).not.toBe(first);
      await eventually(() => expect(runs).toHaveLength(2));
    });

    it('never runs more jobs of a name at once than its concurrency', async () => {
      await setup();
      const q = node();
      let active = 0;
      let peak = 0;
      q.handle(
        'test.echo',
        async (job) => {
          peak = Math.max(peak, ++active);
          await sleep(150);
          active--;
          await record(job);
        },
        { concurrency: 2 },
      );
      await q.start();
      for (let n = 0; n < 6; n++) await q.enqueue('test.echo', { n });
      await eventually(() => expect(runs).toHaveLength(6), 5000);
      expect(peak).toBe(2);
    });

    it('shares jobs between two nodes, each job running on exactly one', async () => {
      await setup();
      const [a, b] = [node(), node()];
      for (const q of [a, b]) q.handle('test.echo', record, { concurrency: 3 });
      await Promise.all([a.start(), b.start()]);
      const ids = await Promise.all(Array.from({ length: 20 }, (_, n) => a.enqueue('test.echo', { n })));
      await eventually(() => expect(runs.length).toBeGreaterThanOrEqual(20), 5000);
      await sleep(300);
      expect(runs.map((r) => r.job.id).sort()).toEqual([...ids].sort());
    });

    it('fires a cron schedule until it is unscheduled, and rejects a bad expression', async () => {
      await setup();
      const q = node();
      q.handle('test.tick', record);
      await expect(q.schedule('bad', 'test.tick', 'every now and then', { label: 'x' })).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      } satisfies Partial<AppError>);
      await q.schedule('every-second', 'test.tick', '* * * * * *', { label: 'tick' }, { timezone: 'Europe/Paris' });
      await q.start();
      await eventually(() => expect(runs.length).toBeGreaterThanOrEqual(1), 3500);
      expect(runs[0]?.job.data).toEqual({ label: 'tick' });
      await q.unschedule('every-second');
      await sleep(300); // a run already taken may still finish
      const fired = runs.length;
      await sleep(1200); // more than one period of the cron
      expect(runs.length).toBe(fired);
    });

    it('lets stop() wait for the jobs it is running', async () => {
      await setup();
      const q = node();
      let started = false;
      let finished = false;
      q.handle('test.echo', async () => {
        started = true;
        await sleep(400);
        finished = true;
      });
      await q.start();
      await q.enqueue('test.echo', { n: 1 });
      await eventually(() => expect(started).toBe(true));
      await q.stop();
      expect(finished).toBe(true);
    });

    it('runs a job delayed past a restart exactly once, on the restarted node', async () => {
      await setup();
      const before = node();
      before.handle('test.echo', record);
      await before.start();
      const t0 = Date.now();
      const id = await before.enqueue('test.echo', { n: 1 }, { delayMs: 1500 });
      await before.stop();

      const after = node();
      after.handle('test.echo', record);
      await after.start();
      await eventually(() => expect(runs).toHaveLength(1), 4000);
      await sleep(500);
      expect(runs.map((r) => r.job.id)).toEqual([id]);
      expect((runs[0]?.at ?? 0) - t0).toBeGreaterThanOrEqual(1480);
    });
  });
}

// One database for the suite, emptied after each test: a fresh PGlite costs
// about half a second, which would double the suite's run time.
let shared: Promise<TestDatabase> | undefined;
afterAll(async () => (await shared)?.drop());

describeQueueContract('database', async () => {
  shared ??= createTestDatabase();
  const { db } = (await shared).database;
  return {
    create: () => createDbQueue({ db, log, pollIntervalMs: 50 }),
    dispose: async () => void (await db.execute(sql`truncate ${jobs}, ${jobSchedules}`)),
  };
});

const redisUrl = process.env.REDIS_URL;
if (redisUrl) {
  describeQueueContract('bullmq', async () => {
    const prefix = `aio-test-${randomBytes(6).toString('hex')}`;
    return {
      create: () => createBullmqQueue({ connection: redisUrl, prefix, log }),
      dispose: () => deleteKeys(redisUrl, `${prefix}:*`),
    };
  });
}

async function deleteKeys(url: string, pattern: string): Promise<void> {
  const redis = new Redis(url);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}
