import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';

export interface OutboxMail {
  file: string;
  to: string;
  subject: string;
  text: string;
  links: string[];
}

async function readMails(dataDir: string): Promise<OutboxMail[]> {
  const dir = path.join(dataDir, 'outbox');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  return Promise.all(
    files.map(async (file) => {
      const parsed = await simpleParser(readFileSync(path.join(dir, file)));
      const to = Array.isArray(parsed.to) ? parsed.to[0]?.text : parsed.to?.text;
      const text = parsed.text ?? '';
      return { file, to: to ?? '', subject: parsed.subject ?? '', text, links: [...text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]) };
    }),
  );
}

/** Waits for the n-th mail to `to` in DATA_DIR/outbox (mail goes through the job queue). */
export async function waitForMail(dataDir: string, to: string, opts: { subject?: RegExp; nth?: number; timeoutMs?: number } = {}): Promise<OutboxMail> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  while (Date.now() < deadline) {
    const mails = (await readMails(dataDir)).filter((m) => m.to.includes(to) && (!opts.subject || opts.subject.test(m.subject)));
    const mail = mails[(opts.nth ?? 1) - 1];
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no mail to ${to} arrived in the outbox`);
}
