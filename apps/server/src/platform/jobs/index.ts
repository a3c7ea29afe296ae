import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import { createBullmqQueue } from './bullmq-queue';
import { createDbQueue } from './db-queue';
import type { JobMetrics } from './run-job';
import type { JobQueue } from './types';

export type { Job, JobHandler, JobMap, JobName, JobOptions, JobQueue, ScheduleOptions } from './types';
export type { JobMetrics } from './run-job';
export { createBullmqQueue } from './bullmq-queue';
export { createDbQueue } from './db-queue';

export interface CreateJobQueueOptions {
  db: Db;
  /** Set: BullMQ on Redis, for many nodes. Unset: the queue in the database. */
  redisUrl?: string;
  /** Namespaces the BullMQ keys. */
  prefix: string;
  log: Logger;
  metrics?: JobMetrics;
}

/** Picks the durable queue for this deployment; both survive restarts, neither lives only in memory. */
export function createJobQueue(opts: CreateJobQueueOptions): JobQueue {
  if (opts.redisUrl) {
    return createBullmqQueue({ connection: opts.redisUrl, prefix: opts.prefix, log: opts.log, metrics: opts.metrics });
  }
  return createDbQueue({ db: opts.db, log: opts.log, metrics: opts.metrics });
}
