import type { Db } from '../../db/client';
import { pruneEvents } from '../../platform/events/log';
import type { JobQueue } from '../../platform/jobs/types';
import { EVENT_RETENTION_DAYS } from './limits';

export interface RealtimeJobs {
  /** Drops durable events older than the window; clients that were away longer resync. */
  'realtime.prune_events': { retentionDays: number };
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function registerRealtimeJobs(jobs: JobQueue, db: Db): void {
  jobs.handle('realtime.prune_events', async (job) => pruneEvents(db, new Date(Date.now() - job.data.retentionDays * DAY_MS)));
}

/** Daily, at a quiet hour (UTC). Every node may call this: it replaces the one schedule. */
export function scheduleRealtimeJobs(jobs: JobQueue): Promise<void> {
  return jobs.schedule('realtime.prune-events', 'realtime.prune_events', '17 3 * * *', { retentionDays: EVENT_RETENTION_DAYS });
}
