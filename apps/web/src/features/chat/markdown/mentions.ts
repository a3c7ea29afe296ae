import type { MessageEntities } from '@aio/contracts';

/**
 * Mentions are known by their offsets in the raw body, but markdown parsing
 * loses offsets. So each mention is swapped for a placeholder the parser treats
 * as plain text (private-use characters around its index), and the renderer
 * turns placeholders back into mention chips — or into their original text
 * where a chip cannot go (code, link targets).
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
export const PLACEHOLDER = /\uE000(\d+)\uE001/g;

export interface MentionRef {
  kind: 'user' | 'channel' | 'here';
  userId?: string;
  /** The text as typed, e.g. "@Ada". */
  text: string;
}

export interface ProtectedSource {
  source: string;
  mentions: MentionRef[];
}

export function protectMentions(body: string, entities: MessageEntities | undefined): ProtectedSource {
  // A body that already holds our marker characters must not forge a mention.
  const clean = body.replace(/[\uE000\uE001]/g, '\uFFFD');
  const sorted = [...(entities?.mentions ?? [])].sort((a, b) => a.offset - b.offset);
  const mentions: MentionRef[] = [];
  let source = '';
  let cursor = 0;
  for (const m of sorted) {
    const end = m.offset + m.length;
    // Overlapping, empty or out-of-range entities are ignored rather than trusted.
    if (m.offset < cursor || m.length <= 0 || end > clean.length) continue;
    source += clean.slice(cursor, m.offset) + OPEN + mentions.length + CLOSE;
    mentions.push({ kind: m.kind, userId: m.userId, text: clean.slice(m.offset, end) });
    cursor = end;
  }
  return { source: source + clean.slice(cursor), mentions };
}

/** Puts the original mention text back (for code spans, code blocks and link targets). */
export function restoreMentions(text: string, mentions: MentionRef[]): string {
  return text.replace(PLACEHOLDER, (whole, index: string) => mentions[Number(index)]?.text ?? whole);
}
