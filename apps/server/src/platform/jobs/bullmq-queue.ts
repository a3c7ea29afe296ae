import { randomUUID } from 'node:crypto';
import { type Job as BullJob, type JobsOptions, Queue, Worker } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';
import { AppError } from '../errors';
import { nextCronRun } from './cron';
import { JOB_DEFAULTS, type JobMetrics, runJobAttempt } from './run-job';
import type { JobHandler, JobMap, JobName, JobOptions, JobQueue, ScheduleOptions } from './types';

export interface BullmqQueueOptions {
  /** A redis:// URL or ioredis options. */
  connection: string | RedisOptions;
  /** Namespaces every key, so deployments (and test runs) sharing a Redis stay apart. */
  prefix: string;
  log: Logger;
  metrics?: JobMetrics;
}

interface Registration {
  handler: JobHandler<unknown>;
  concurrency: number;
}

// Bounded history: enough to inspect recent runs without Redis growing forever.
const KEEP_COMPLETED = { age: 24 * 3600, count: 1000 };
const KEEP_FAILED = { age: 7 * 24 * 3600, count: 5000 };

/**
 * The durable queue on Redis, for deployments with REDIS_URL.
 *
 * One BullMQ queue per job name (not one shared queue): a BullMQ worker takes
 * whatever job is next in its queue and cannot filter by name, so with a
 * shared queue a node would take jobs it has no handler for, and one worker's
 * concurrency could not honour each handler's own limit. Per-name queues give
 * each handler its own worker and exact concurrency. A consequence: dedupe
 * keys are scoped to their job name.
 *
 * Connections: enqueueing uses one that gives up after ioredis's retries, so
 * a request fails instead of hanging while Redis is down; workers use one that
 * retries forever, as BullMQ requires. stop() closes both; a later enqueue or
 * start() opens them again.
 */
export function createBullmqQueue(opts: BullmqQueueOptions): JobQueue {
  return new BullmqQueue(opts);
}

class BullmqQueue implements JobQueue {
  readonly kind = 'bullmq';
  private readonly log: Logger;
  /** Which queue each schedule lives in, so unschedule() finds it after a restart. */
  private readonly scheduleIndexKey: string;
  private readonly registrations = new Map<string, Registration>();
  private readonly queues = new Map<string, Queue>();
  private readonly workers = new Map<string, Worker>();
  private producer: Redis | undefined;
  private consumer: Redis | undefined;
  private started = false;

  constructor(private readonly opts: BullmqQueueOptions) {
    this.log = opts.log.child({ component: 'jobs' });
    this.scheduleIndexKey = `${opts.prefix}:schedule-index`;
  }

  async enqueue<N extends JobName>(name: N, data: JobMap[N], options: JobOptions = {}): Promise<string> {
    const delay = options.runAt ? options.runAt.getTime() - Date.now() : (options.delayMs ?? 0);
    const job = await this.queueFor(name).add(name, data, {
      ...jobOptions(options),
      // Our own ids, unique across the per-name queues (BullMQ's counters are per queue).
      jobId: randomUUID(),
      delay: Math.max(0, delay),
      // Without a ttl, BullMQ keeps the key until the job completes or fails for good.
      deduplication: options.dedupeKey ? { id: options.dedupeKey } : undefined,
    });
    return job.id ?? '';
  }

  async schedule<N extends JobName>(
    scheduleName: string,
    jobName: N,
    cron: string,
    data: JobMap[N],
    options: ScheduleOptions = {},
  ): Promise<void> {
    const tz = options.timezone ?? 'UTC';
    nextCronRun(cron, tz, new Date()); // validates, with the same error as the database queue
    const redis = this.producerClient();
    const previous = await redis.hget(this.scheduleIndexKey, scheduleName);
    if (previous && previous !== jobName) await this.queueFor(previous).removeJobScheduler(scheduleName);
    const template = { name: jobName, data, opts: jobOptions({}) };
    await this.queueFor(jobName).upsertJobScheduler(scheduleName, { pattern: cron, tz }, template);
    await redis.hset(this.scheduleIndexKey, scheduleName, jobName);
  }

  async unschedule(scheduleName: string): Promise<void> {
    const redis = this.producerClient();
    const jobName = await redis.hget(this.scheduleIndexKey, scheduleName);
    // Removing the scheduler also removes its next, not yet started, run.
    if (jobName) await this.queueFor(jobName).removeJobScheduler(scheduleName);
    await redis.hdel(this.scheduleIndexKey, scheduleName);
  }

  handle<N extends JobName>(name: N, handler: JobHandler<JobMap[N]>, options: { concurrency?: number } = {}): void {
    if (this.registrations.has(name)) throw new AppError('CONFLICT', `A handler for job ${name} is already registered`);
    const concurrency = Math.max(1, options.concurrency ?? JOB_DEFAULTS.concurrency);
    const reg = { handler: handler as JobHandler<unknown>, concurrency };
    this.registrations.set(name, reg);
    if (this.started) {
      this.startWorker(name, reg).catch((err) => this.log.error({ err, job: name }, 'job worker did not start'));
    }
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await Promise.all([...this.registrations].map(([name, reg]) => this.startWorker(name, reg)));
  }

  async stop(): Promise<void> {
    this.started = false;
    // Workers first: close() waits for their running jobs.
    await Promise.all([...this.workers.values()].map((w) => w.close()));
    this.workers.clear();
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
    await Promise.all([this.producer?.quit(), this.consumer?.quit()]);
    this.producer = undefined;
    this.consumer = undefined;
  }

  private connect(maxRetriesPerRequest: number | null): Redis {
    const settings = { maxRetriesPerRequest };
    const { connection } = this.opts;
    const client =
      typeof connection === 'string' ? new Redis(connection, settings) : new Redis({ ...connection, ...settings });
    client.on('error', (err) => this.log.warn({ err }, 'job queue redis connection error'));
    return client;
  }

  private producerClient(): Redis {
    this.producer ??= this.connect(20);
    return this.producer;
  }

  private queueFor(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.producerClient(), prefix: this.opts.prefix });
      queue.on('error', (err) => this.log.error({ err, job: name }, 'job queue error'));
      this.queues.set(name, queue);
    }
    return queue;
  }

  private async startWorker(name: string, reg: Registration): Promise<void> {
    this.consumer ??= this.connect(null);
    const worker = new Worker(name, (job) => this.runBullJob(job, reg), {
      connection: this.consumer,
      prefix: this.opts.prefix,
      concurrency: reg.concurrency,
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
    });
    worker.on('error', (err) => this.log.error({ err, job: name }, 'job worker error'));
    this.workers.set(name, worker);
    await worker.waitUntilReady();
  }

  private async runBullJob(job: BullJob, reg: Registration): Promise<void> {
    const attempt = job.attemptsMade + 1;
    const maxAttempts = job.opts.attempts ?? 1;
    const input = { id: job.id ?? '', name: job.name, data: job.data as unknown, attempt, maxAttempts };
    const { error } = await runJobAttempt(reg.handler, input, this.log, this.opts.metrics);
    // Rethrown so BullMQ records the failure and schedules the backoff retry.
    if (error) throw error;
  }
}

function jobOptions(options: JobOptions): JobsOptions {
  return {
    attempts: Math.max(1, options.maxAttempts ?? JOB_DEFAULTS.maxAttempts),
    backoff: { type: 'exponential', delay: Math.max(0, options.backoffMs ?? JOB_DEFAULTS.backoffMs) },
    removeOnComplete: KEEP_COMPLETED,
    removeOnFail: KEEP_FAILED,
  };
}
