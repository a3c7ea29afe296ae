import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import { AppError } from '../errors';
import { nextCronRun } from './cron';
import * as store from './db-store';
import { createPollLoop, type PollLoop } from './poll-loop';
import { JOB_DEFAULTS, type JobMetrics, runJobAttempt } from './run-job';
import type { JobHandler, JobMap, JobName, JobOptions, JobQueue, ScheduleOptions } from './types';

export interface DbQueueOptions {
  db: Db;
  log: Logger;
  /** How often to look for due jobs and schedules; an enqueue in this process wakes the poller at once. */
  pollIntervalMs?: number;
  /** How long a claimed job stays locked without a heartbeat before another node may take it. */
  visibilityTimeoutMs?: number;
  metrics?: JobMetrics;
}

interface Registration {
  handler: JobHandler<unknown>;
  concurrency: number;
  running: number;
}

const CLEANUP_EVERY_MS = 10 * 60_000;
/** Cron here resolves seconds: looking for due schedules more often finds nothing new. */
const SCHEDULES_EVERY_MS = 1000;

/**
 * The durable queue on the application's own database (PGlite or
 * PostgreSQL): rows in `jobs`, claimed with FOR UPDATE SKIP LOCKED, so any
 * number of nodes can share it. At-least-once: a job whose worker died is run
 * again once its lock expires (found within a sixth of the lock after), so
 * handlers must tolerate a repeat.
 */
export function createDbQueue(opts: DbQueueOptions): JobQueue {
  return new DbQueue(opts);
}

class DbQueue implements JobQueue {
  readonly kind = 'database';
  private readonly db: Db;
  private readonly log: Logger;
  private readonly lockMs: number;
  private readonly metrics?: JobMetrics;
  private readonly registrations = new Map<string, Registration>();
  /** Running jobs by id: what stop() waits for and the heartbeat extends. */
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly loop: PollLoop;
  private taking = false;
  /**
   * Due jobs are looked for on every poll; the rest of a poll runs less
   * often. Each is a query (recovery an UPDATE) on the database that also
   * takes every message write; on PGlite one session runs them in turn.
   */
  private readonly recoveryDue: () => boolean;
  private readonly schedulesDue: () => boolean;
  /** Heartbeat at a third of the lock, so even a missed beat leaves the lock valid. */
  private readonly heartbeatDue: () => boolean;
  private readonly cleanupDue = every(CLEANUP_EVERY_MS);

  constructor(opts: DbQueueOptions) {
    this.db = opts.db;
    this.log = opts.log.child({ component: 'jobs' });
    this.lockMs = opts.visibilityTimeoutMs ?? 30_000;
    this.metrics = opts.metrics;
    const pollMs = opts.pollIntervalMs ?? 250;
    // A dead worker's job returns within its lock plus a sixth of it (5 s on the default 30 s).
    this.recoveryDue = every(Math.max(pollMs, this.lockMs / 6));
    this.schedulesDue = every(Math.max(pollMs, SCHEDULES_EVERY_MS));
    this.heartbeatDue = every(this.lockMs / 3, { first: 'after' });
    this.loop = createPollLoop(() => this.poll(), pollMs, this.log);
  }

  async enqueue<N extends JobName>(name: N, data: JobMap[N], options: JobOptions = {}): Promise<string> {
    const id = await store.insertJob(this.db, newJob(name, data, options));
    const dueNow = !options.runAt && !(options.delayMs && options.delayMs > 0);
    if (dueNow && this.registrations.has(name)) this.loop.wake();
    return id;
  }

  async schedule<N extends JobName>(
    scheduleName: string,
    jobName: N,
    cron: string,
    data: JobMap[N],
    options: ScheduleOptions = {},
  ): Promise<void> {
    const timezone = options.timezone ?? 'UTC';
    const nextRunAt = nextCronRun(cron, timezone, new Date());
    await store.upsertSchedule(this.db, { name: scheduleName, jobName, cron, timezone, data, nextRunAt });
  }

  unschedule(scheduleName: string): Promise<void> {
    return store.deleteSchedule(this.db, scheduleName);
  }

  handle<N extends JobName>(name: N, handler: JobHandler<JobMap[N]>, options: { concurrency?: number } = {}): void {
    if (this.registrations.has(name)) throw new AppError('CONFLICT', `A handler for job ${name} is already registered`);
    const concurrency = Math.max(1, options.concurrency ?? JOB_DEFAULTS.concurrency);
    this.registrations.set(name, { handler: handler as JobHandler<unknown>, concurrency, running: 0 });
    this.loop.wake();
  }

  async start(): Promise<void> {
    this.taking = true;
    this.loop.start();
  }

  async stop(): Promise<void> {
    this.taking = false;
    await this.loop.stop();
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async poll(): Promise<void> {
    await this.maintain();
    if (this.schedulesDue()) await this.fireDueSchedules();
    await this.claimAndRun();
  }

  private async claimAndRun(): Promise<void> {
    const withRoom = [...this.registrations].filter(([, r]) => r.running < r.concurrency).map(([name]) => name);
    for (const name of await store.listDueNames(this.db, withRoom)) {
      const reg = this.registrations.get(name);
      if (!reg || !this.taking) continue;
      const rows = await store.claimJobs(this.db, name, reg.concurrency - reg.running, this.lockMs);
      for (const row of rows) this.launch(row, reg);
    }
  }

  private launch(row: store.JobRow, reg: Registration): void {
    reg.running++;
    const done = this.execute(row, reg).finally(() => {
      reg.running--;
      this.inFlight.delete(row.id);
      this.loop.wake(); // a slot is free: take the next job without waiting for the interval
    });
    this.inFlight.set(row.id, done);
  }

  private async execute(row: store.JobRow, reg: Registration): Promise<void> {
    const job = { id: row.id, name: row.name, data: row.data, attempt: row.attempts, maxAttempts: row.maxAttempts };
    const { error } = await runJobAttempt(reg.handler, job, this.log, this.metrics);
    try {
      if (error) await store.failJob(this.db, row, error);
      else await store.completeJob(this.db, row);
    } catch (err) {
      // The lock will expire and the job run again: at-least-once, never lost.
      this.log.error({ err, job: row.name, jobId: row.id }, 'could not record the outcome of a job');
    }
  }

  private async fireDueSchedules(): Promise<void> {
    for (const schedule of await store.listDueSchedules(this.db)) {
      let next: Date;
      try {
        next = nextCronRun(schedule.cron, schedule.timezone, schedule.dbNow);
      } catch (err) {
        this.log.error({ err, schedule: schedule.name }, 'stored schedule no longer parses; skipped');
        continue;
      }
      // Deduplicated per schedule: a run that outlasts the interval is not stacked up behind itself.
      const job = newJob(schedule.jobName, schedule.data, { dedupeKey: `schedule:${schedule.name}` });
      if (await store.fireSchedule(this.db, schedule, next, job)) {
        this.log.debug({ schedule: schedule.name, job: schedule.jobName }, 'schedule fired');
      }
    }
  }

  private async maintain(): Promise<void> {
    if (this.recoveryDue()) {
      const recovered = await store.recoverExpiredJobs(this.db);
      if (recovered) this.log.warn({ recovered }, 'jobs of a stopped worker returned to the queue');
    }
    if (this.inFlight.size && this.heartbeatDue()) await store.extendLocks(this.db, [...this.inFlight.keys()], this.lockMs);
    if (this.cleanupDue()) await store.deleteOldCompletedJobs(this.db);
  }
}

/**
 * True at most once every `ms`: on the first call (or, with `first: 'after'`,
 * once `ms` have passed since this was made), then again `ms` after the last true.
 */
function every(ms: number, { first = 'now' }: { first?: 'now' | 'after' } = {}): () => boolean {
  let next = first === 'now' ? 0 : Date.now() + ms;
  return () => {
    const now = Date.now();
    if (now < next) return false;
    next = now + ms;
    return true;
  };
}

function newJob(name: string, data: unknown, options: JobOptions): store.NewJob {
  return {
    id: randomUUID(),
    name,
    data,
    runAt: options.runAt,
    delayMs: options.delayMs,
    maxAttempts: Math.max(1, options.maxAttempts ?? JOB_DEFAULTS.maxAttempts),
    backoffMs: Math.max(0, options.backoffMs ?? JOB_DEFAULTS.backoffMs),
    dedupeKey: options.dedupeKey,
  };
}
