import { CronExpressionParser } from 'cron-parser';
import { AppError } from '../errors';

/**
 * The first run of `cron` (5 fields, or 6 with seconds first; read in
 * `timezone`) strictly after `after`. Throws VALIDATION_FAILED for a bad
 * expression or zone, so schedule() fails at the call, not at the first tick.
 */
export function nextCronRun(cron: string, timezone: string, after: Date): Date {
  const fields = cron.trim().split(/\s+/).length;
  // cron-parser quietly fills in missing fields ("* * *" parses), which would
  // turn a typo into an every-minute job.
  if (!cron.trim().startsWith('@') && (fields < 5 || fields > 6)) {
    throw invalid(cron, timezone, new Error(`expected 5 or 6 fields, got ${fields}`));
  }
  try {
    // The zone is only checked when a date is computed, hence next() inside the try.
    return CronExpressionParser.parse(cron, { tz: timezone, currentDate: after }).next().toDate();
  } catch (err) {
    throw invalid(cron, timezone, err);
  }
}

function invalid(cron: string, timezone: string, cause: unknown): AppError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new AppError('VALIDATION_FAILED', `Invalid schedule "${cron}" (${timezone}): ${reason}`, {
    details: { cron, timezone },
    cause,
  });
}
