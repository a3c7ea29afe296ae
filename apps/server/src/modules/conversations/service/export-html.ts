import type { ExportedMessage } from '@aio/contracts';
import type { ExportHead } from './export-json';
import type { ExportedConversationHead, ExportStep, MessageGroup } from './export-walk';

/**
 * The export as one standalone HTML page: inline CSS, no script, nothing
 * fetched (its own CSP says so). Every string from users goes through
 * escapeHtml; message bodies are shown as text, with links from the
 * message's own link entities (http and https only).
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const CSS = `
:root{color-scheme:light dark;--fg:#1d1d1f;--muted:#6b6b73;--line:#e3e3e8;--bg:#fff;--chip:#f2f2f5;--accent:#3b5bdb}
@media (prefers-color-scheme:dark){:root{--fg:#ececf1;--muted:#a0a0ab;--line:#33333a;--bg:#16161a;--chip:#26262d;--accent:#8ea2ff}}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);max-width:860px;margin:0 auto;padding:24px}
header{border-bottom:1px solid var(--line);margin-bottom:24px}h1{margin:0 0 4px;font-size:24px}
.muted{color:var(--muted);font-size:13px}section{margin:0 0 40px}h2{font-size:19px;margin:0}
.day{font-size:12px;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.04em;border-bottom:1px solid var(--line);margin:20px 0 8px;padding-bottom:2px}
.message{padding:6px 0}.author{font-weight:600}.system .author{color:var(--muted);font-style:italic}
time,.edited{color:var(--muted);font-size:12px;margin-left:6px}.body{white-space:pre-wrap;overflow-wrap:anywhere}
.deleted{color:var(--muted);font-style:italic}a,.mention{color:var(--accent)}.mention{font-weight:600}
.reactions{list-style:none;display:flex;flex-wrap:wrap;gap:4px;margin:4px 0 0;padding:0}
.reactions li{background:var(--chip);border-radius:10px;padding:0 8px;font-size:12px}
.thread{margin:6px 0 0 18px;padding-left:12px;border-left:2px solid var(--line)}`;

const pad = (n: number) => String(n).padStart(2, '0');
const dayOf = (iso: string) => iso.slice(0, 10);
const timeOf = (iso: string) => {
  const d = new Date(iso);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
};

interface Span {
  from: number;
  to: number;
  html: string;
}

const MARKDOWN_LABEL = /\[((?:\\.|[^\]\\])*)\]\($/;

/** A link entity as an anchor; a Markdown link around it (`[label](url)`) becomes the label. */
function linkSpan(body: string, link: ExportedMessage['entities']['links'][number]): Span | null {
  const end = link.offset + link.length;
  if (!/^https?:\/\//i.test(link.url) || end > body.length) return null;
  const anchor = (text: string) => `<a href="${escapeHtml(link.url)}" rel="noopener noreferrer nofollow">${escapeHtml(text)}</a>`;
  const label = MARKDOWN_LABEL.exec(body.slice(Math.max(0, link.offset - 500), link.offset));
  if (label && body[end] === ')') return { from: link.offset - label[0].length, to: end + 1, html: anchor(label[1]!.replace(/\\(.)/g, '$1')) };
  return { from: link.offset, to: end, html: anchor(body.slice(link.offset, end)) };
}

/** `@[Full Name]` reads as `@Full Name`. */
function mentionSpan(body: string, mention: ExportedMessage['entities']['mentions'][number]): Span | null {
  const text = body.slice(mention.offset, mention.offset + mention.length);
  if (!text.startsWith('@')) return null;
  return { from: mention.offset, to: mention.offset + mention.length, html: `<span class="mention">${escapeHtml(text.replace(/^@\[(.*)\]$/s, '@$1'))}</span>` };
}

function bodyHtml(m: ExportedMessage): string {
  if (m.deletedAt) return '<div class="body deleted">This message was deleted.</div>';
  const spans = [...m.entities.links.map((l) => linkSpan(m.body, l)), ...m.entities.mentions.map((x) => mentionSpan(m.body, x))]
    .filter((x): x is Span => x !== null)
    .sort((a, b) => a.from - b.from);
  let out = '';
  let at = 0;
  for (const span of spans) {
    if (span.from < at) continue;
    out += escapeHtml(m.body.slice(at, span.from)) + span.html;
    at = span.to;
  }
  return `<div class="body">${out}${escapeHtml(m.body.slice(at))}</div>`;
}

export class HtmlExportWriter {
  private lastDay = '';
  private readonly names: Map<string, string>;

  constructor(private readonly head: ExportHead) {
    this.names = new Map(head.members.map((p) => [p.id, p.name]));
  }

  start(): string {
    const title = escapeHtml(`${this.head.workspace.name} — AIO Chat export`);
    const csp = `default-src 'none'; style-src 'unsafe-inline'`;
    return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${title}</title><style>${CSS}</style></head><body>\n<header><h1>${escapeHtml(this.head.workspace.name)}</h1><p class="muted">Exported ${escapeHtml(this.head.exportedAt.slice(0, 16).replace('T', ' '))} UTC from AIO Chat</p></header>\n`;
  }

  private titleOf(c: ExportedConversationHead): string {
    if (c.kind === 'channel') return `#${c.name ?? ''}`;
    const people = c.memberIds.map((id) => this.names.get(id) ?? 'someone');
    return c.name ?? (people.join(', ') || 'Direct message');
  }

  conversation(c: ExportedConversationHead): string {
    this.lastDay = '';
    const facts = [`${c.memberIds.length} member${c.memberIds.length === 1 ? '' : 's'}`, c.isPrivate ? 'private' : '', c.archivedAt ? 'archived' : ''].filter(Boolean);
    const topic = c.topic ? `<p>${escapeHtml(c.topic)}</p>` : '';
    return `<section id="c-${escapeHtml(c.id)}"><h2>${escapeHtml(this.titleOf(c))}</h2>${topic}<p class="muted">${facts.join(' · ')}</p>\n`;
  }

  private reactionsHtml(m: ExportedMessage): string {
    if (m.reactions.length === 0) return '';
    const items = m.reactions.map((r) => {
      const who = r.userIds.map((id) => this.names.get(id) ?? 'someone').join(', ');
      return `<li title="${escapeHtml(who)}">${escapeHtml(r.emoji)} ${r.userIds.length}</li>`;
    });
    return `<ul class="reactions">${items.join('')}</ul>`;
  }

  private messageHtml(m: ExportedMessage, replies: ExportedMessage[]): string {
    const edited = m.editedAt && !m.deletedAt ? '<span class="edited">(edited)</span>' : '';
    const meta = `<div><span class="author">${escapeHtml(m.author.name)}</span><time datetime="${escapeHtml(m.createdAt)}">${timeOf(m.createdAt)}</time>${edited}</div>`;
    const thread = replies.length ? `<div class="thread">${replies.map((r) => this.messageHtml(r, [])).join('')}</div>` : '';
    const kind = m.author.type === 'member' ? 'message' : `message ${escapeHtml(m.author.type)}`;
    return `<article class="${kind}" id="m-${escapeHtml(m.id)}">${meta}${bodyHtml(m)}${this.reactionsHtml(m)}${thread}</article>\n`;
  }

  messages(groups: MessageGroup[]): string {
    let out = '';
    for (const [root, ...replies] of groups) {
      const day = dayOf(root.createdAt);
      if (day !== this.lastDay) out += `<h3 class="day">${escapeHtml(day)}</h3>\n`;
      this.lastDay = day;
      out += this.messageHtml(root, replies);
    }
    return out;
  }

  end(): string {
    return '</section>\n';
  }

  finish(): string {
    return '</body></html>\n';
  }
}

export async function* htmlChunks(head: ExportHead, steps: AsyncIterable<ExportStep>): AsyncGenerator<string> {
  const writer = new HtmlExportWriter(head);
  yield writer.start();
  for await (const step of steps) {
    if (step.type === 'conversation') yield writer.conversation(step.conversation);
    else if (step.type === 'messages') yield writer.messages(step.groups);
    else yield writer.end();
  }
  yield writer.finish();
}
