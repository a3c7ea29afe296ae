import type { Member } from '@aio/contracts';

export interface MentionOption {
  key: string;
  label: string;
  detail: string;
  /** What goes into the message: the server resolves `@Name`, `@[Full Name]`, `@channel`, `@here`. */
  insert: string;
}

const TOKEN = /^[\p{L}\p{N}._-]{1,64}$/u;

/** How to write a mention of this member so the server resolves it to them. */
export function mentionText(member: Pick<Member, 'name' | 'email'>): string {
  if (TOKEN.test(member.name)) return `@${member.name}`;
  return member.name.includes(']') ? `@${member.email.split('@')[0]}` : `@[${member.name}]`;
}

const BROADCASTS: MentionOption[] = [
  { key: 'channel', label: '@channel', detail: 'Notify everyone in this channel', insert: '@channel' },
  { key: 'here', label: '@here', detail: 'Notify everyone online in this channel', insert: '@here' },
];

/** Members whose name (any word) or e-mail starts with the query, then @channel / @here where allowed. */
export function mentionOptions(members: Member[], query: string, allowBroadcast: boolean, limit = 8): MentionOption[] {
  const q = query.toLowerCase();
  const matches = (text: string) => text.toLowerCase().split(/[\s.@_-]+/).some((word) => word.startsWith(q)) || text.toLowerCase().startsWith(q);
  const people = members
    .filter((m) => !q || matches(m.name) || matches(m.email))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((m) => ({ key: m.userId, label: m.name, detail: m.email, insert: mentionText(m) }));
  const broadcasts = allowBroadcast ? BROADCASTS.filter((b) => b.key.startsWith(q)) : [];
  return [...people, ...broadcasts].slice(0, limit);
}

/** The `@query` being typed just before the caret, if any. */
export function mentionQueryAt(value: string, caret: number): { query: string; start: number } | null {
  const match = /(?:^|[\s(])@([\p{L}\p{N}._-]{0,30})$/u.exec(value.slice(0, caret));
  if (!match) return null;
  return { query: match[1]!, start: caret - match[1]!.length - 1 };
}
