import type { JobQueue } from '../jobs/types';
import type { MailMessage, Mailer } from './mailer';

export interface MailJobs {
  'mail.send': MailMessage;
}

/** Sending goes through the durable queue: an SMTP hiccup retries instead of failing a sign-up. */
export function sendMail(jobs: JobQueue, message: MailMessage): Promise<string> {
  return jobs.enqueue('mail.send', message, { maxAttempts: 8, backoffMs: 2000 });
}

export function registerMailWorker(jobs: JobQueue, mailer: Mailer): void {
  jobs.handle('mail.send', async (job) => mailer.deliver(job.data), { concurrency: 4 });
}
