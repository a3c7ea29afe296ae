import type { Counter } from 'prom-client';
import type { Logger } from 'pino';
import type { Job, JobHandler } from './types';

export interface JobMetrics {
  jobsProcessed: Counter<'job' | 'outcome'>;
}

export type JobOutcome = 'completed' | 'retried' | 'failed';

/**
 * Runs one attempt of a job and accounts for it (log line, metric). Shared by
 * both queues so the log shape and the metric's outcome labels are the same
 * whichever backend runs the job. Returns the error instead of throwing: the
 * caller decides what a failure means for its storage.
 */
export async function runJobAttempt<T>(
  handler: JobHandler<T>,
  job: Job<T>,
  log: Logger,
  metrics?: JobMetrics,
): Promise<{ outcome: JobOutcome; error?: Error }> {
  const jobLog = log.child({ job: job.name, jobId: job.id, attempt: job.attempt });
  try {
    await handler(job);
    metrics?.jobsProcessed.inc({ job: job.name, outcome: 'completed' });
    return { outcome: 'completed' };
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    const outcome: JobOutcome = job.attempt >= job.maxAttempts ? 'failed' : 'retried';
    metrics?.jobsProcessed.inc({ job: job.name, outcome });
    if (outcome === 'failed') jobLog.error({ err: error }, 'job failed for good');
    else jobLog.warn({ err: error }, 'job failed; will retry');
    return { outcome, error };
  }
}

/** The wait before retry number `attempt + 1`: backoffMs, then doubling. */
export function retryDelayMs(backoffMs: number, attempt: number): number {
  return backoffMs * 2 ** Math.max(0, attempt - 1);
}

export const JOB_DEFAULTS = { maxAttempts: 5, backoffMs: 1000, concurrency: 1 } as const;
