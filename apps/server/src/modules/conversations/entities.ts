import type { MessageEntities } from '@aio/contracts';

/** Who can be mentioned: the workspace's members, found by display name or e-mail local part. */
export interface MentionCandidate {
  userId: string;
  name: string;
  email: string;
}

/** Lower-cased name → user id, or null when two members share it (an ambiguous mention resolves to nobody). */
export interface MentionDirectory {
  byName: Map<string, string | null>;
  byLocalPart: Map<string, string | null>;
}

// Bounds the work and the stored JSON for pathological bodies (40,000 "@a" in a row).
const MAX_MENTIONS = 100;
const MAX_LINKS = 100;

const MENTION = /(?<![\p{L}\p{N}_@.])@(\[[^\]\n]{1,120}\]|[\p{L}\p{N}._-]{1,64})/gu;
const LINK = /(?<![\p{L}\p{N}_@./:-])(?:https?:\/\/|www\.)[^\s<>"`]+/giu;
const TRAILING_PUNCTUATION = /[.,;:!?'"*_~]$/;
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

function addUnique(map: Map<string, string | null>, key: string, userId: string): void {
  if (!key) return;
  const known = map.get(key);
  map.set(key, known === undefined || known === userId ? userId : null);
}

export function buildMentionDirectory(members: MentionCandidate[]): MentionDirectory {
  const byName = new Map<string, string | null>();
  const byLocalPart = new Map<string, string | null>();
  for (const m of members) {
    addUnique(byName, m.name.toLowerCase(), m.userId);
    addUnique(byLocalPart, m.email.split('@')[0]!.toLowerCase(), m.userId);
  }
  return { byName, byLocalPart };
}

/**
 * Spans of inline code and fenced blocks: a mention or URL written there is
 * shown as code, so it must not notify anyone or count as a link. A linear
 * scan, because a regex with lazy quantifiers is quadratic on unclosed fences.
 */
export function codeSpans(body: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let fencesClosable = true;
  for (let i = body.indexOf('`'); i >= 0; ) {
    const fence = fencesClosable && body.startsWith('```', i);
    const closer = fence ? '```' : '`';
    const end = body.indexOf(closer, i + closer.length);
    if (end < 0 && fence) fencesClosable = false;
    if (end < 0 && !fence) break;
    if (end >= 0 && (fence || !body.slice(i, end).includes('\n'))) {
      spans.push([i, end + closer.length]);
      i = body.indexOf('`', end + closer.length);
    } else {
      i = body.indexOf('`', i + 1);
    }
  }
  return spans;
}

const inSpans = (spans: Array<[number, number]>, at: number) => spans.some(([from, to]) => at >= from && at < to);

type Mention = MessageEntities['mentions'][number];

function resolveToken(token: string, directory: MentionDirectory, allowBroadcast: boolean): Omit<Mention, 'offset'> | null {
  // "@ada." at the end of a sentence: try the longest token first, then without trailing punctuation.
  for (let candidate = token; candidate; candidate = candidate.slice(0, -1)) {
    const key = candidate.toLowerCase();
    const length = candidate.length + 1;
    if (allowBroadcast && (key === 'channel' || key === 'here')) return { kind: key, length };
    const userId = directory.byName.get(key) ?? directory.byLocalPart.get(key);
    if (userId) return { kind: 'user', userId, length };
    if (!/[._-]$/.test(candidate)) return null;
  }
  return null;
}

function findMentions(body: string, spans: Array<[number, number]>, directory: MentionDirectory, allowBroadcast: boolean): Mention[] {
  const mentions: Mention[] = [];
  for (const match of body.matchAll(MENTION)) {
    if (mentions.length >= MAX_MENTIONS) break;
    if (inSpans(spans, match.index)) continue;
    const text = match[1]!;
    if (text.startsWith('[')) {
      const userId = directory.byName.get(text.slice(1, -1).toLowerCase());
      if (userId) mentions.push({ kind: 'user', userId, offset: match.index, length: text.length + 1 });
      continue;
    }
    const resolved = resolveToken(text, directory, allowBroadcast);
    if (resolved) mentions.push({ ...resolved, offset: match.index });
  }
  return mentions;
}

const count = (text: string, char: string) => text.split(char).length - 1;

/** Drops trailing punctuation and unbalanced closing brackets: "(see https://x.io/a)." → "https://x.io/a". */
function trimLink(text: string): string {
  let out = text;
  for (;;) {
    const last = out.at(-1)!;
    const opener = CLOSERS[last];
    if (TRAILING_PUNCTUATION.test(out)) out = out.slice(0, -1);
    else if (opener && count(out, opener) < count(out, last)) out = out.slice(0, -1);
    else return out;
    if (!out) return out;
  }
}

function toUrl(text: string): string | null {
  const href = /^www\./i.test(text) ? `https://${text}` : text;
  try {
    const url = new URL(href);
    return url.hostname && url.hostname !== 'www.' ? href : null;
  } catch {
    return null;
  }
}

function findLinks(body: string, spans: Array<[number, number]>): MessageEntities['links'] {
  const links: MessageEntities['links'] = [];
  for (const match of body.matchAll(LINK)) {
    if (links.length >= MAX_LINKS) break;
    if (inSpans(spans, match.index)) continue;
    const text = trimLink(match[0]);
    const url = text.length > 4 ? toUrl(text) : null;
    if (url) links.push({ url, offset: match.index, length: text.length });
  }
  return links;
}

/**
 * Mentions and links of a Markdown body, with UTF-16 offsets into it (what
 * JavaScript string indices are). `@channel` / `@here` count only where
 * broadcasting makes sense (channels). The body itself is never changed.
 */
export function parseEntities(body: string, directory: MentionDirectory, opts: { allowBroadcast: boolean }): MessageEntities {
  const spans = codeSpans(body);
  return { mentions: findMentions(body, spans, directory, opts.allowBroadcast), links: findLinks(body, spans) };
}
