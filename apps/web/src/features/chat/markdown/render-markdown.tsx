import type { MessageEntities } from '@aio/contracts';
import { Lexer, type Token, type Tokens } from 'marked';
import { Fragment, type ReactNode } from 'react';
import { cn } from '../../../lib/cn';
import { PLACEHOLDER, protectMentions, restoreMentions, type MentionRef } from './mentions';
import { safeHref } from './safe-url';

/**
 * Markdown → React elements. marked only tokenises; every token becomes a
 * React element or a text node here, so user text is always escaped by React
 * and raw HTML in a message is shown as the text it is. Nothing ever goes
 * through innerHTML.
 */
interface RenderContext {
  mentions: MentionRef[];
  meId: string | undefined;
}

// breaks: a single newline in chat is a line break, as people expect.
const lexerOptions = { gfm: true, breaks: true } as const;

export function renderMarkdown(body: string, entities: MessageEntities | undefined, meId?: string): ReactNode {
  const { source, mentions } = protectMentions(body, entities);
  return renderBlocks(new Lexer(lexerOptions).lex(source), { mentions, meId });
}

function keyed(nodes: ReactNode[]): ReactNode[] {
  return nodes.map((node, i) => <Fragment key={i}>{node}</Fragment>);
}

function renderBlocks(tokens: Token[], ctx: RenderContext): ReactNode[] {
  return keyed(tokens.map((t) => renderBlock(t, ctx)));
}

function renderBlock(token: Token, ctx: RenderContext): ReactNode {
  switch (token.type) {
    case 'paragraph':
      return <p>{renderInline(token.tokens ?? [], ctx)}</p>;
    case 'heading':
      // Chat has no document outline: a heading is shown as a bold line.
      return <p className="font-semibold">{renderInline(token.tokens ?? [], ctx)}</p>;
    case 'code':
      return (
        <pre>
          <code>{restoreMentions((token as Tokens.Code).text, ctx.mentions)}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote>{renderBlocks((token as Tokens.Blockquote).tokens, ctx)}</blockquote>;
    case 'list':
      return renderList(token as Tokens.List, ctx);
    case 'text':
      return token.tokens ? renderInline(token.tokens, ctx) : renderText(token.text ?? '', ctx);
    case 'hr':
      return <hr />;
    case 'space':
      return null;
    default:
      // html, tables, link definitions…: shown as the text that was typed.
      return <p className="whitespace-pre-wrap">{restoreMentions(token.raw, ctx.mentions).replace(/\n+$/, '')}</p>;
  }
}

function renderList(list: Tokens.List, ctx: RenderContext): ReactNode {
  const items = list.items.map((item, i) => <li key={i}>{renderBlocks(item.tokens, ctx)}</li>);
  if (!list.ordered) return <ul>{items}</ul>;
  const start = typeof list.start === 'number' && list.start !== 1 ? list.start : undefined;
  return <ol start={start}>{items}</ol>;
}

function renderInline(tokens: Token[], ctx: RenderContext): ReactNode[] {
  return keyed(tokens.map((t) => renderInlineToken(t, ctx)));
}

function renderInlineToken(token: Token, ctx: RenderContext): ReactNode {
  switch (token.type) {
    case 'text':
      return token.tokens ? renderInline(token.tokens, ctx) : renderText(token.text ?? '', ctx);
    case 'escape':
      return token.text;
    case 'strong':
      return <strong>{renderInline(token.tokens ?? [], ctx)}</strong>;
    case 'em':
      return <em>{renderInline(token.tokens ?? [], ctx)}</em>;
    case 'del':
      return <del>{renderInline(token.tokens ?? [], ctx)}</del>;
    case 'codespan':
      return <code>{restoreMentions((token as Tokens.Codespan).text, ctx.mentions)}</code>;
    case 'br':
      return <br />;
    case 'link':
    case 'image':
      return renderLink(token as Tokens.Link | Tokens.Image, ctx);
    default:
      // Inline HTML and anything unknown: the typed text.
      return restoreMentions(token.raw, ctx.mentions);
  }
}

function renderLink(token: Tokens.Link | Tokens.Image, ctx: RenderContext): ReactNode {
  const href = safeHref(restoreMentions(token.href, ctx.mentions));
  if (!href) return restoreMentions(token.raw, ctx.mentions);
  // Images are not embedded (no third-party requests from a message): the alt text links to them.
  const children = token.type === 'image' ? restoreMentions(token.text || href, ctx.mentions) : renderInline(token.tokens ?? [], ctx);
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  );
}

/** Plain text with mention placeholders turned into highlighted mentions. */
function renderText(text: string, ctx: RenderContext): ReactNode {
  if (!text.includes('\uE000')) return text;
  // split() with a capture group alternates: text, index, text, index, …, text.
  const parts = text.split(PLACEHOLDER);
  return keyed(parts.map((part, i) => (i % 2 === 0 ? part : <MentionChip mention={ctx.mentions[Number(part)]} meId={ctx.meId} />)));
}

/** `@[Full Name]` (how a name with spaces is written) shows as `@Full Name`. */
function MentionChip({ mention, meId }: { mention: MentionRef | undefined; meId: string | undefined }) {
  if (!mention) return null;
  const mine = mention.kind !== 'user' || mention.userId === meId;
  return (
    <span
      data-mention={mention.kind}
      className={cn('rounded px-0.5 font-medium', mine ? 'bg-warning-soft text-foreground' : 'bg-accent text-accent-foreground')}
    >
      {mention.text.replace(/^@\[(.*)\]$/s, '@$1')}
    </span>
  );
}

/** The words of a message without markup, for notifications and screen-reader announcements. */
export function markdownToPlainText(body: string): string {
  const collect = (tokens: Token[]): string =>
    tokens
      .map((t) => {
        if (t.type === 'list') return (t as Tokens.List).items.map((item) => collect(item.tokens)).join(' ');
        if ('tokens' in t && t.tokens) return collect(t.tokens);
        return 'text' in t && typeof t.text === 'string' ? t.text : '';
      })
      .join(' ');
  return collect(new Lexer(lexerOptions).lex(body))
    .replace(/@\[([^\]\n]{1,120})\]/g, '@$1')
    .replace(/\s+/g, ' ')
    .trim();
}
