import { z } from 'zod';
import { badRequest } from '../../../platform/errors';
import type { SlackExportSource } from './import-slack-source';

/**
 * The parts of Slack's export format the importer reads. Unknown fields are
 * ignored; a file that is not JSON, or not the shape below, is refused with
 * its name so the operator can fix or remove it.
 */
const Timestamp = z.union([z.string(), z.number()]).transform(String);

/** Slack writes absent values as missing keys or as null, depending on the field and the year. */
const opt = <T extends z.ZodTypeAny>(schema: T) => schema.nullish();

export const SlackUser = z.object({
  id: z.string().min(1),
  team_id: opt(z.string()),
  name: opt(z.string()),
  real_name: opt(z.string()),
  deleted: opt(z.boolean()),
  is_bot: opt(z.boolean()),
  profile: opt(z.object({ email: opt(z.string()), real_name: opt(z.string()), display_name: opt(z.string()) })),
});
export type SlackUser = z.infer<typeof SlackUser>;

const TextValue = opt(z.object({ value: opt(z.string()) }));

export const SlackChannel = z.object({
  id: z.string().min(1),
  name: opt(z.string()),
  created: opt(Timestamp),
  creator: opt(z.string()),
  is_archived: opt(z.boolean()),
  members: z.array(z.string()).nullish().transform((v) => v ?? []),
  topic: TextValue,
  purpose: TextValue,
});
export type SlackChannel = z.infer<typeof SlackChannel>;

const Attachment = z.object({
  fallback: opt(z.string()),
  pretext: opt(z.string()),
  title: opt(z.string()),
  title_link: opt(z.string()),
  text: opt(z.string()),
});
const SharedFile = z.object({ name: opt(z.string()), title: opt(z.string()), permalink: opt(z.string()) });

export const SlackMessage = z.object({
  ts: z.string().regex(/^\d+(\.\d+)?$/),
  subtype: opt(z.string()),
  user: opt(z.string()),
  text: z.string().nullish().transform((v) => v ?? ''),
  thread_ts: opt(z.string()),
  reply_broadcast: opt(z.boolean()),
  bot_id: opt(z.string()),
  username: opt(z.string()),
  bot_profile: opt(z.object({ name: opt(z.string()) })),
  attachments: opt(z.array(Attachment)),
  files: opt(z.array(SharedFile)),
  file: opt(SharedFile),
  comment: opt(z.object({ user: opt(z.string()) })),
  reactions: opt(z.array(z.object({ name: z.string(), users: z.array(z.string()).nullish().transform((v) => v ?? []) }))),
  edited: opt(z.object({ ts: opt(z.string()) })),
});
export type SlackMessage = z.infer<typeof SlackMessage>;

const DayFile = z.array(z.unknown());

export type SlackConversationKind = 'public' | 'private' | 'direct' | 'group';

export interface SlackConversationPlan {
  kind: SlackConversationKind;
  channel: SlackChannel;
  /** Day files, oldest first. */
  dayFiles: string[];
  messageCount: number;
}

export interface SlackExport {
  teamId: string;
  users: SlackUser[];
  conversations: SlackConversationPlan[];
  totalMessages: number;
  /** Bot id → name, learnt from bot posts and from "added an integration: <…|name>" notices. */
  botNames: Map<string, string>;
}

async function readJson(source: SlackExportSource, file: string): Promise<unknown> {
  const text = await source.readText(file);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`${file}: malformed JSON (${err instanceof Error ? err.message : String(err)})`, { file });
  }
}

async function readList<T extends z.ZodTypeAny>(source: SlackExportSource, file: string, item: T): Promise<Array<z.infer<T>>> {
  const parsed = z.array(item).safeParse(await readJson(source, file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`${file}: not a Slack export file (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`, { file });
  }
  return parsed.data;
}

/** Reads a day file: the messages that fit the shape, and how many entries did not (counted as skipped). */
export async function readDayFile(source: SlackExportSource, file: string): Promise<{ messages: SlackMessage[]; unreadable: number }> {
  const raw = DayFile.safeParse(await readJson(source, file));
  if (!raw.success) throw badRequest(`${file}: a day file must hold a JSON array of messages`, { file });
  const messages: SlackMessage[] = [];
  for (const entry of raw.data) {
    const message = SlackMessage.safeParse(entry);
    if (message.success) messages.push(message.data);
  }
  return { messages, unreadable: raw.data.length - messages.length };
}

const LISTS: Array<{ file: string; kind: SlackConversationKind }> = [
  { file: 'channels.json', kind: 'public' },
  { file: 'groups.json', kind: 'private' },
  { file: 'dms.json', kind: 'direct' },
  { file: 'mpims.json', kind: 'group' },
];

function dayFilesOf(source: SlackExportSource, folder: string): string[] {
  const pattern = /^\d{4}-\d{2}-\d{2}\.json$/;
  return source.files.filter((f) => f.startsWith(`${folder}/`) && pattern.test(f.slice(folder.length + 1))).sort();
}

function learnBotNames(messages: SlackMessage[], into: Map<string, string>): void {
  for (const m of messages) {
    if (!m.bot_id || into.has(m.bot_id)) continue;
    const label = m.subtype === 'bot_add' ? /\|([^<>|]+)>/.exec(m.text)?.[1] : undefined;
    const name = m.username || m.bot_profile?.name || label;
    if (name) into.set(m.bot_id, name);
  }
}

/**
 * Reads the export's metadata and checks every day file once, so a broken
 * file stops the import before anything is written.
 */
export async function loadSlackExport(source: SlackExportSource): Promise<SlackExport> {
  if (!source.files.includes('users.json')) {
    throw badRequest(`${source.label} is not a Slack export: users.json is missing`);
  }
  const users = await readList(source, 'users.json', SlackUser);
  const conversations: SlackConversationPlan[] = [];
  const botNames = new Map<string, string>();
  let totalMessages = 0;
  for (const { file, kind } of LISTS) {
    if (!source.files.includes(file)) continue;
    for (const channel of await readList(source, file, SlackChannel)) {
      const dayFiles = dayFilesOf(source, kind === 'direct' ? channel.id : (channel.name ?? channel.id));
      let messageCount = 0;
      for (const day of dayFiles) {
        const { messages, unreadable } = await readDayFile(source, day);
        learnBotNames(messages, botNames);
        messageCount += messages.length + unreadable;
      }
      conversations.push({ kind, channel, dayFiles, messageCount });
      totalMessages += messageCount;
    }
  }
  if (conversations.length === 0 && !source.files.includes('channels.json')) {
    throw badRequest(`${source.label} is not a Slack export: channels.json is missing`);
  }
  return { teamId: users.find((u) => u.team_id)?.team_id ?? 'slack', users, conversations, totalMessages, botNames };
}
