import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Delivers one message now. Callers send through the `mail.send` job, which retries. */
export interface Mailer {
  readonly kind: 'smtp' | 'outbox';
  deliver(message: MailMessage): Promise<void>;
  close(): void;
}

export function extractLinks(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>"')]+/g)].map((m) => m[0]);
}

export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const url = new URL(smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // smtp://host?ignoreTLS=true for local relays that offer no STARTTLS.
    ignoreTLS: url.searchParams.get('ignoreTLS') === 'true',
  });
  return {
    kind: 'smtp',
    async deliver(message) {
      await transport.sendMail({ from, ...message });
    },
    close: () => transport.close(),
  };
}

/**
 * With no SMTP server, every message is written as a real RFC 822 file to
 * DATA_DIR/outbox/<timestamp>-<to>.eml and its links are logged, so a local
 * user can still follow a verification or invite link.
 */
export function createOutboxMailer(dataDir: string, from: string, log: Logger): Mailer {
  const dir = path.join(dataDir, 'outbox');
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'outbox',
    async deliver(message) {
      const info = await builder.sendMail({ from, ...message });
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const safeTo = message.to.replace(/[^a-zA-Z0-9@._+-]/g, '_');
      const file = path.join(dir, `${stamp}-${safeTo}.eml`);
      await writeFile(file, info.message as Buffer, { flag: 'wx' }).catch(async (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
        await writeFile(file.replace(/\.eml$/, `-${info.messageId.slice(1, 9)}.eml`), info.message as Buffer);
      });
      log.info({ to: message.to, subject: message.subject, file, links: extractLinks(message.text) }, 'mail written to outbox');
    },
    close: () => builder.close(),
  };
}
