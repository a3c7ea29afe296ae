import type { MessageEntities } from '@aio/contracts';
import type { SlackMessage } from './import-slack-format';
import { type ConvertedText, convertSlackText, type SlackNames } from './import-slack-markup';

/**
 * One Slack message → what we store, or why it is skipped. Pure: the
 * importer decides ids, seqs and threads.
 *
 * Skipped on purpose: join/leave notices (membership comes from the channel
 * list), topic/purpose/rename/archive notices (the channel list has the
 * final state), integration add/remove notices, and Slack's own tombstones.
 */
export type SkipReason =
  | 'join/leave notice'
  | 'channel notice'
  | 'integration notice'
  | 'deleted in Slack'
  | 'unknown author'
  | 'empty message'
  | 'unreadable message';

export interface PreparedMessage {
  ts: string;
  /** The root's ts for a thread reply. */
  threadTs: string | null;
  alsoInChannel: boolean;
  author: { type: 'member'; userId: string } | { type: 'system'; name: string };
  body: string;
  entities: MessageEntities;
  createdAt: Date;
  editedAt: Date | null;
  /** `:short_name:` → our user ids. */
  reactions: Array<{ emoji: string; userIds: string[] }>;
}

export interface PrepareContext {
  names: SlackNames;
  /** Slack user id → our user id, for authors and reactions. */
  userIdOf(slackUserId: string): string | undefined;
  /** A bot's name by bot id or bot user id. */
  botName(id: string): string | undefined;
  allowBroadcast: boolean;
}

const SKIPPED_SUBTYPES = new Map<string, SkipReason>([
  ...['channel_join', 'channel_leave', 'group_join', 'group_leave'].map((s) => [s, 'join/leave notice'] as const),
  ...['channel_topic', 'channel_purpose', 'channel_name', 'channel_archive', 'channel_unarchive', 'group_topic', 'group_purpose', 'group_name', 'group_archive', 'group_unarchive', 'pinned_item', 'unpinned_item'].map(
    (s) => [s, 'channel notice'] as const,
  ),
  ...['bot_add', 'bot_remove', 'bot_enable', 'bot_disable'].map((s) => [s, 'integration notice'] as const),
  ...['tombstone', 'message_deleted'].map((s) => [s, 'deleted in Slack'] as const),
]);

export const MAX_BODY = 40_000;
const EMOJI = /^:[a-z0-9_+-]{1,60}:$/;

/** Slack ts ("1452837352.000006") → Date, to the millisecond. */
export function tsToDate(ts: string): Date {
  const [sec, frac = ''] = ts.split('.');
  return new Date(Number(sec) * 1000 + Number(frac.padEnd(6, '0').slice(0, 3)));
}

/** Orders Slack timestamps exactly (as numbers they lose the last digits). */
export function compareTs(a: string, b: string): number {
  const [as, af = ''] = a.split('.');
  const [bs, bf = ''] = b.split('.');
  return Number(as) - Number(bs) || af.padEnd(9, '0').localeCompare(bf.padEnd(9, '0'));
}

function joinTexts(parts: ConvertedText[]): ConvertedText {
  let body = '';
  const entities: MessageEntities = { mentions: [], links: [] };
  for (const part of parts.filter((p) => p.body.trim() !== '')) {
    if (body) body += '\n';
    const shift = body.length;
    entities.mentions.push(...part.entities.mentions.map((m) => ({ ...m, offset: m.offset + shift })));
    entities.links.push(...part.entities.links.map((l) => ({ ...l, offset: l.offset + shift })));
    body += part.body;
  }
  return { body, entities };
}

/** Text we can store byte-exact: no NUL, no lone surrogate, at most MAX_BODY characters. */
function storable(text: ConvertedText): ConvertedText {
  let body = text.body.replace(/\u0000/g, '').toWellFormed();
  if (body.length > MAX_BODY) body = `${body.slice(0, MAX_BODY - 1).toWellFormed()}…`;
  if (body === text.body) return text;
  const fits = (e: { offset: number; length: number }) => e.offset + e.length <= body.length;
  return { body, entities: { mentions: text.entities.mentions.filter(fits), links: text.entities.links.filter(fits) } };
}

function bodyOf(m: SlackMessage, ctx: PrepareContext): ConvertedText {
  const convert = (text: string) => convertSlackText(text, ctx.names, { allowBroadcast: ctx.allowBroadcast });
  const parts = [convert(m.text)];
  for (const a of m.attachments ?? []) {
    const title = a.title ? (a.title_link ? `<${a.title_link}|${a.title}>` : a.title) : '';
    const main = a.text || (a.pretext || title ? '' : (a.fallback ?? ''));
    parts.push(...[a.pretext ?? '', title, main].map(convert));
  }
  for (const f of m.files ?? []) {
    if (f.permalink && m.text.includes(f.permalink)) continue;
    const name = f.title ?? f.name ?? 'file';
    parts.push(convert(f.permalink ? `📎 <${f.permalink}|${name}>` : `📎 ${name}`));
  }
  return storable(joinTexts(parts));
}

function authorOf(m: SlackMessage, ctx: PrepareContext): PreparedMessage['author'] | null {
  const slackUser = m.user ?? m.comment?.user;
  const isBot = m.subtype === 'bot_message' || (!!m.bot_id && !(slackUser && ctx.userIdOf(slackUser)));
  if (isBot) {
    const name = m.username || m.bot_profile?.name || (m.bot_id && ctx.botName(m.bot_id)) || (slackUser && ctx.botName(slackUser)) || 'bot';
    return { type: 'system', name };
  }
  if (!slackUser) return null;
  const userId = ctx.userIdOf(slackUser);
  if (userId) return { type: 'member', userId };
  const bot = ctx.botName(slackUser);
  return bot ? { type: 'system', name: bot } : null;
}

/** `:thumbsup::skin-tone-2:` is stored as the base emoji; names we cannot store are dropped. */
export function reactionsOf(m: SlackMessage, ctx: PrepareContext): PreparedMessage['reactions'] {
  const out: PreparedMessage['reactions'] = [];
  for (const r of m.reactions ?? []) {
    const emoji = `:${r.name.toLowerCase().split('::')[0]}:`;
    const userIds = r.users.map((u) => ctx.userIdOf(u)).filter((id): id is string => !!id);
    if (EMOJI.test(emoji) && userIds.length > 0) out.push({ emoji, userIds });
  }
  return out;
}

export function prepareSlackMessage(m: SlackMessage, ctx: PrepareContext): PreparedMessage | { skip: SkipReason } {
  const skipped = m.subtype ? SKIPPED_SUBTYPES.get(m.subtype) : undefined;
  if (skipped) return { skip: skipped };
  const author = authorOf(m, ctx);
  if (!author) return { skip: 'unknown author' };
  const { body, entities } = bodyOf(m, ctx);
  if (body.trim() === '') return { skip: 'empty message' };
  const isReply = !!m.thread_ts && m.thread_ts !== m.ts;
  return {
    ts: m.ts,
    threadTs: isReply ? m.thread_ts! : null,
    alsoInChannel: isReply && (m.subtype === 'thread_broadcast' || m.reply_broadcast === true),
    author,
    body,
    entities,
    createdAt: tsToDate(m.ts),
    editedAt: m.edited?.ts ? tsToDate(m.edited.ts) : null,
    reactions: reactionsOf(m, ctx),
  };
}
