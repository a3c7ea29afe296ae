import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { Counter } from 'prom-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db';
import type { MailMessage } from '../mail/mailer';
import { createDbQueue } from './db-queue';
import { createJobQueue } from './index';
import { jobs } from './schema';
import type { Job, JobQueue } from './types';

// What the database queue promises beyond the shared contract (queue.contract.test.ts).
const log = pino({ level: 'silent' });
const message: MailMessage = { to: 'ops@example.com', subject: 'Digest', text: 'Hello' };

describe('database job queue', () => {
  let t: TestDatabase | undefined;
  let queue: JobQueue | undefined;
  afterEach(async () => {
    await queue?.stop();
    await t?.drop();
    queue = t = undefined;
  });

  it('takes back a job whose worker died mid-run, counting the lost run as an attempt', async () => {
    t = await createTestDatabase();
    const db = t.database.db;
    queue = createDbQueue({ db, log, pollIntervalMs: 50 });
    const id = await queue.enqueue('mail.send', message);
    // What a crashed node leaves behind: claimed, lock expired, never finished.
    await db
      .update(jobs)
      .set({ status: 'running', attempts: 1, lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(jobs.id, id));
    const seen: Job<MailMessage>[] = [];
    queue.handle('mail.send', async (job) => void seen.push(job));
    await queue.start();
    await vi.waitFor(() => expect(seen).toHaveLength(1), { timeout: 3000, interval: 10 });
    expect(seen[0]).toMatchObject({ id, attempt: 2, data: message });
    await queue.stop(); // waits until the outcome is recorded
    const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ status: 'completed', attempts: 2, lockedUntil: null });
  });

  it('still takes back a dead worker\'s job found after start, within a sixth of its lock', async () => {
    t = await createTestDatabase();
    const db = t.database.db;
    queue = createDbQueue({ db, log, pollIntervalMs: 20, visibilityTimeoutMs: 600 });
    const seen: Job<MailMessage>[] = [];
    queue.handle('mail.send', async (job) => void seen.push(job));
    await queue.start();
    await new Promise((r) => setTimeout(r, 150)); // the first polls, recovery included, are behind us
    // Written as a crashed node leaves it, in one statement, so no poll can claim it as a fresh job first.
    const id = randomUUID();
    await db.insert(jobs).values({ id, name: 'mail.send', data: message, status: 'running', attempts: 1, lockedUntil: sql`now() - interval '1 second'` });
    const orphaned = Date.now();
    await vi.waitFor(() => expect(seen.map((j) => j.id)).toContain(id), { timeout: 3000, interval: 10 });
    // Recovery runs every 100 ms here (600 / 6): found on a later pass, well before a second lock period.
    expect(Date.now() - orphaned).toBeLessThan(600);
  });

  it('keeps a job that failed for good, with its last error, and counts it', async () => {
    t = await createTestDatabase();
    const db = t.database.db;
    const jobsProcessed = new Counter({ name: 'jobs', help: 'jobs', labelNames: ['job', 'outcome'], registers: [] });
    queue = createDbQueue({ db, log, pollIntervalMs: 50, metrics: { jobsProcessed } });
    let tries = 0;
    queue.handle('mail.send', async () => {
      tries++;
      throw new Error('smtp said no');
    });
    await queue.start();
    const id = await queue.enqueue('mail.send', message, { maxAttempts: 1 });
    await vi.waitFor(() => expect(tries).toBe(1), { timeout: 3000, interval: 10 });
    await queue.stop();
    const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row?.lastError).toContain('smtp said no');
    expect(row?.finishedAt).toBeInstanceOf(Date);
    const counted = (await jobsProcessed.get()).values;
    expect(counted).toEqual([{ labels: { job: 'mail.send', outcome: 'failed' }, value: 1 }]);
  });

  it('fires a schedule once across two nodes polling the same database', async () => {
    t = await createTestDatabase();
    const db = t.database.db;
    const [a, b] = [createDbQueue({ db, log, pollIntervalMs: 20 }), createDbQueue({ db, log, pollIntervalMs: 20 })];
    // Neither node handles the job, so the enqueued rows stay to be counted.
    await a.schedule('digest', 'mail.send', '0 0 1 1 *', message);
    await db.execute(sql`update job_schedules set next_run_at = now() - interval '1 second'`);
    await Promise.all([a.start(), b.start()]);
    const countJobs = async () => (await db.select({ id: jobs.id }).from(jobs)).length;
    await vi.waitFor(async () => expect(await countJobs()).toBeGreaterThan(0), { timeout: 3000, interval: 20 });
    await new Promise((r) => setTimeout(r, 300)); // several more polls by both nodes
    expect(await countJobs()).toBe(1);
    await Promise.all([a.stop(), b.stop()]);
  });

  it('is what createJobQueue builds without a Redis URL', async () => {
    t = await createTestDatabase();
    expect(createJobQueue({ db: t.database.db, prefix: 'aio', log }).kind).toBe('database');
  });
});
