import type { MessageEntities } from '@aio/contracts';
import { buildMentionDirectory, parseEntities } from '../entities';

/**
 * Slack's message markup → our Markdown. Slack escapes `<`, `>` and `&` in
 * text and writes references as `<…>`: `<@U123>` (a user), `<#C123|name>`
 * (a channel), `<!here>` (a broadcast), `<https://x|label>` (a link).
 */
export interface SlackNames {
  /** Our user for a Slack user id, with the name to show. */
  user(slackUserId: string): { userId: string | null; name: string } | undefined;
  channel(slackChannelId: string): string | undefined;
}

export interface ConvertedText {
  body: string;
  entities: MessageEntities;
}

type Mention = MessageEntities['mentions'][number];

const REFERENCE = /<([^<>]*)>/g;
const BROADCASTS: Record<string, string> = { channel: '@channel', everyone: '@channel', here: '@here' };
const NO_DIRECTORY = buildMentionDirectory([]);

export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** `@Name` when the name is one token our mention syntax reads back, `@[Full Name]` otherwise. */
function mentionText(name: string): string {
  return /^[\p{L}\p{N}._-]{1,64}$/u.test(name) ? `@${name}` : `@[${name.replace(/[[\]\n]/g, ' ')}]`;
}

function markdownLink(url: string, label: string | undefined): string {
  if (url.startsWith('mailto:')) return label ?? url.slice('mailto:'.length);
  if (!label || label === url) return url;
  const safeLabel = label.replace(/([[\]\\])/g, '\\$1');
  const safeUrl = url.replace(/[()\s]/g, (c) => encodeURIComponent(c));
  return `[${safeLabel}](${safeUrl})`;
}

interface Piece {
  text: string;
  mention?: Omit<Mention, 'offset'>;
}

function convertReference(inner: string, names: SlackNames): Piece {
  const bar = inner.indexOf('|');
  const target = unescapeSlack(bar === -1 ? inner : inner.slice(0, bar));
  const label = bar === -1 ? undefined : unescapeSlack(inner.slice(bar + 1));
  if (target.startsWith('@')) {
    const user = names.user(target.slice(1));
    const text = mentionText(user?.name ?? label?.replace(/^@/, '') ?? target.slice(1));
    return user?.userId ? { text, mention: { kind: 'user', userId: user.userId, length: text.length } } : { text };
  }
  if (target.startsWith('#')) return { text: `#${names.channel(target.slice(1)) ?? label ?? target.slice(1)}` };
  if (target.startsWith('!')) {
    const word = target.slice(1).split('^')[0]!;
    return { text: BROADCASTS[word] ?? label ?? `@${word}` };
  }
  return { text: markdownLink(target, label) };
}

/**
 * Converts one Slack text. Mentions get entities pointing at the exact user
 * (from the Slack id, not from the name, which may be ambiguous); links and
 * broadcasts are found by the same parser that reads sent messages.
 */
export function convertSlackText(text: string, names: SlackNames, opts: { allowBroadcast: boolean }): ConvertedText {
  let body = '';
  const mentions: Mention[] = [];
  let last = 0;
  for (const match of text.matchAll(REFERENCE)) {
    body += unescapeSlack(text.slice(last, match.index));
    const piece = convertReference(match[1]!, names);
    if (piece.mention) mentions.push({ ...piece.mention, offset: body.length });
    body += piece.text;
    last = match.index + match[0].length;
  }
  body += unescapeSlack(text.slice(last));
  const parsed = parseEntities(body, NO_DIRECTORY, opts);
  const all = [...mentions, ...parsed.mentions].sort((a, b) => a.offset - b.offset);
  return { body, entities: { mentions: all, links: parsed.links } };
}
