import type { MailJobs } from '../mail/jobs';
import type { RealtimeJobs } from '../../modules/realtime/jobs';

/** Every background job: name → data. Modules add theirs here. */
export interface JobMap extends MailJobs, RealtimeJobs {}

export type JobName = keyof JobMap & string;

export interface JobOptions {
  /** Run no earlier than this many milliseconds from now. */
  delayMs?: number;
  /** Run no earlier than this time (wins over delayMs). */
  runAt?: Date;
  /** Total tries including the first; default 5. */
  maxAttempts?: number;
  /** First retry delay; each further retry doubles it. Default 1000 ms. */
  backoffMs?: number;
  /** While a job with this key is pending or running, enqueueing another is a no-op returning its id. */
  dedupeKey?: string;
}

export interface Job<T> {
  id: string;
  name: string;
  data: T;
  /** 1 on the first try. */
  attempt: number;
  maxAttempts: number;
}

export type JobHandler<T> = (job: Job<T>) => Promise<void>;

export interface ScheduleOptions {
  /** IANA zone the cron expression is read in; default UTC. */
  timezone?: string;
}

/**
 * A durable queue: jobs survive restarts (database rows, or BullMQ on Redis).
 * A job that throws is retried with exponential backoff until maxAttempts,
 * then kept as failed. A job whose worker died mid-run is picked up again.
 */
export interface JobQueue {
  readonly kind: 'database' | 'bullmq';
  enqueue<N extends JobName>(name: N, data: JobMap[N], opts?: JobOptions): Promise<string>;
  /** Creates or replaces a named cron schedule that enqueues `jobName` with `data`. */
  schedule<N extends JobName>(
    scheduleName: string,
    jobName: N,
    cron: string,
    data: JobMap[N],
    opts?: ScheduleOptions,
  ): Promise<void>;
  unschedule(scheduleName: string): Promise<void>;
  handle<N extends JobName>(name: N, handler: JobHandler<JobMap[N]>, opts?: { concurrency?: number }): void;
  /** Begins taking jobs; handlers registered later are picked up too. */
  start(): Promise<void>;
  /** Stops taking jobs and waits for running ones to finish. */
  stop(): Promise<void>;
}
