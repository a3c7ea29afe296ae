import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { AppError } from '../errors';
import { retryDelayMs } from './run-job';
import { jobSchedules, jobs } from './schema';

/*
 * The SQL of the database queue. Every time comparison uses the database's
 * now(), so nodes with skewed clocks still agree on what is due and whose
 * lock has expired.
 */

export type JobRow = typeof jobs.$inferSelect;
export type ScheduleRow = typeof jobSchedules.$inferSelect;

export interface NewJob {
  id: string;
  name: string;
  data: unknown;
  runAt?: Date;
  delayMs?: number;
  maxAttempts: number;
  backoffMs: number;
  dedupeKey?: string;
}

const ACTIVE = sql`status in ('pending', 'running')`;
const millis = (ms: number) => sql`(now() + ${ms}::double precision * interval '1 millisecond')`;

function runAtOf(job: NewJob) {
  if (job.runAt) return job.runAt;
  return job.delayMs && job.delayMs > 0 ? millis(job.delayMs) : sql`now()`;
}

/**
 * Inserts the job, or returns the id of the pending/running job holding the
 * same dedupe key. The partial unique index is the arbiter, so two nodes
 * enqueueing the same key at once still leave one row.
 */
export async function insertJob(db: DbOrTx, job: NewJob): Promise<string> {
  const { runAt: _runAt, delayMs: _delayMs, ...columns } = job;
  const values = { ...columns, data: job.data ?? {}, runAt: runAtOf(job), dedupeKey: job.dedupeKey ?? null };
  // Three rounds: the holder of the key can finish between our insert and our
  // look-up, freeing the key; losing that race three times in a row means a
  // job with this key is being enqueued and finished in a tight loop.
  for (let round = 0; round < 3; round++) {
    const inserted = await db
      .insert(jobs)
      .values(values)
      .onConflictDoNothing({ target: jobs.dedupeKey, where: ACTIVE })
      .returning({ id: jobs.id });
    if (inserted[0]) return inserted[0].id;
    if (!job.dedupeKey) break;
    const holder = await db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.dedupeKey, job.dedupeKey), ACTIVE))
      .limit(1);
    if (holder[0]) return holder[0].id;
  }
  throw new AppError('CONFLICT', `Could not enqueue ${job.name}: dedupe key kept changing hands`);
}

/** Names, among `names`, that have a job due now: lets an idle poll cost one query. */
export async function listDueNames(db: DbOrTx, names: string[]): Promise<string[]> {
  if (!names.length) return [];
  const rows = await db
    .selectDistinct({ name: jobs.name })
    .from(jobs)
    .where(and(eq(jobs.status, 'pending'), lte(jobs.runAt, sql`now()`), inArray(jobs.name, names)));
  return rows.map((r) => r.name);
}

/**
 * Takes up to `limit` due jobs of one name. SKIP LOCKED lets nodes claim
 * side by side without waiting on or double-taking each other's rows; the
 * lock (locked_until) is how a dead worker's job is found again.
 */
export async function claimJobs(db: DbOrTx, name: string, limit: number, lockMs: number): Promise<JobRow[]> {
  const due = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.status, 'pending'), lte(jobs.runAt, sql`now()`), eq(jobs.name, name)))
    .orderBy(jobs.runAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(jobs)
    .set({ status: 'running', attempts: sql`${jobs.attempts} + 1`, lockedUntil: millis(lockMs), updatedAt: sql`now()` })
    .where(inArray(jobs.id, due))
    .returning();
  return rows.sort((a, b) => a.runAt.getTime() - b.runAt.getTime());
}

/*
 * Outcomes are written only while the row is still ours: running, with the
 * attempt we claimed. If our lock expired and another node took the job, its
 * attempt number moved on and our late write changes nothing.
 */
const stillOurs = (row: JobRow) => and(eq(jobs.id, row.id), eq(jobs.status, 'running'), eq(jobs.attempts, row.attempts));

export async function completeJob(db: DbOrTx, row: JobRow): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'completed', lockedUntil: null, finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(stillOurs(row));
}

/** Back to pending after backoffMs·2^(attempt−1), or failed for good once attempts are used up. */
export async function failJob(db: DbOrTx, row: JobRow, error: Error): Promise<void> {
  const lastError = (error.stack ?? error.message).slice(0, 4000);
  const exhausted = row.attempts >= row.maxAttempts;
  const retryInMs = retryDelayMs(row.backoffMs, row.attempts);
  await db
    .update(jobs)
    .set(
      exhausted
        ? { status: 'failed', lockedUntil: null, lastError, finishedAt: sql`now()`, updatedAt: sql`now()` }
        : { status: 'pending', lockedUntil: null, lastError, runAt: millis(retryInMs), updatedAt: sql`now()` },
    )
    .where(stillOurs(row));
}

/**
 * Jobs whose worker died (lock expired) go back to pending; the lost run
 * counted as an attempt, so a job that keeps killing its worker ends failed.
 */
export async function recoverExpiredJobs(db: DbOrTx): Promise<number> {
  const exhausted = sql`${jobs.attempts} >= ${jobs.maxAttempts}`;
  const rows = await db
    .update(jobs)
    .set({
      status: sql`case when ${exhausted} then 'failed' else 'pending' end`,
      lockedUntil: null,
      runAt: sql`now()`,
      lastError: 'worker stopped before finishing (lock expired)',
      finishedAt: sql`case when ${exhausted} then now() end`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(jobs.status, 'running'), lte(jobs.lockedUntil, sql`now()`)))
    .returning({ id: jobs.id });
  return rows.length;
}

/** Heartbeat for long jobs: keeps their locks from expiring while we still run them. */
export async function extendLocks(db: DbOrTx, ids: string[], lockMs: number): Promise<void> {
  if (!ids.length) return;
  await db
    .update(jobs)
    .set({ lockedUntil: millis(lockMs) })
    .where(and(inArray(jobs.id, ids), eq(jobs.status, 'running')));
}

/** Completed rows are history: drop those older than a day, a bounded batch at a time. */
export async function deleteOldCompletedJobs(db: DbOrTx): Promise<void> {
  const old = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.status, 'completed'), lte(jobs.finishedAt, sql`now() - interval '1 day'`)))
    .limit(1000);
  await db.delete(jobs).where(inArray(jobs.id, old));
}

export async function upsertSchedule(db: DbOrTx, row: Omit<ScheduleRow, 'createdAt' | 'updatedAt'>): Promise<void> {
  const { name: _name, ...changes } = row;
  await db
    .insert(jobSchedules)
    .values(row)
    .onConflictDoUpdate({ target: jobSchedules.name, set: { ...changes, updatedAt: sql`now()` } });
}

export async function deleteSchedule(db: DbOrTx, name: string): Promise<void> {
  await db.delete(jobSchedules).where(eq(jobSchedules.name, name));
}

/** Due schedules, with the database's clock to compute the following run from. */
export async function listDueSchedules(db: DbOrTx): Promise<Array<ScheduleRow & { dbNow: Date }>> {
  const rows = await db
    .select({ schedule: jobSchedules, dbNow: sql<Date>`now()`.mapWith(jobSchedules.nextRunAt) })
    .from(jobSchedules)
    .where(lte(jobSchedules.nextRunAt, sql`now()`));
  return rows.map((r) => ({ ...r.schedule, dbNow: r.dbNow }));
}

// A JS Date holds milliseconds, the column microseconds: compare at the
// precision we read, or a value written by SQL (now()) would never match.
const sameMillisecond = (at: Date) => sql`date_trunc('milliseconds', ${jobSchedules.nextRunAt}) = ${at.toISOString()}::timestamptz`;

/**
 * Moves the schedule to `next` and enqueues its job, in one transaction. The
 * compare-and-set on next_run_at means that of several nodes seeing the same
 * due schedule exactly one fires it. The job is deduplicated per schedule, so
 * a slow job is not stacked up behind itself.
 */
export async function fireSchedule(db: Db, schedule: ScheduleRow, next: Date, job: NewJob): Promise<boolean> {
  return db.transaction(async (tx) => {
    const won = await tx
      .update(jobSchedules)
      .set({ nextRunAt: next, updatedAt: sql`now()` })
      .where(and(eq(jobSchedules.name, schedule.name), sameMillisecond(schedule.nextRunAt)))
      .returning({ name: jobSchedules.name });
    if (!won.length) return false;
    await insertJob(tx, job);
    return true;
  });
}
