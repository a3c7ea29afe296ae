import type { MessageEntities } from '@aio/contracts';
import { memo, useMemo } from 'react';
import { cn } from '../../../lib/cn';
import { renderMarkdown } from './render-markdown';

/** Typography for rendered messages, scoped to the container (no global CSS). */
const markdownClass = cn(
  'min-w-0 text-[15px] leading-relaxed break-words [overflow-wrap:anywhere] [&>*+*]:mt-1.5',
  '[&_a]:text-primary [&_a]:underline [&_a]:underline-offset-2 hover:[&_a]:text-primary-hover',
  '[&_code]:rounded [&_code]:bg-surface-2 [&_code]:px-1 [&_code]:py-0.5 [&_code]:font-mono [&_code]:text-[13px] [&_code]:ring-1 [&_code]:ring-border',
  '[&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-surface-2 [&_pre]:p-3 [&_pre]:ring-1 [&_pre]:ring-border',
  '[&_pre_code]:bg-transparent [&_pre_code]:p-0 [&_pre_code]:ring-0 [&_pre_code]:whitespace-pre',
  '[&_blockquote]:border-l-4 [&_blockquote]:border-border [&_blockquote]:pl-3 [&_blockquote]:text-muted',
  '[&_ul]:list-disc [&_ul]:pl-6 [&_ol]:list-decimal [&_ol]:pl-6 [&_hr]:my-2 [&_del]:text-muted',
);

interface MarkdownProps {
  body: string;
  entities?: MessageEntities;
  meId?: string;
  className?: string;
}

export const Markdown = memo(function Markdown({ body, entities, meId, className }: MarkdownProps) {
  const content = useMemo(() => renderMarkdown(body, entities, meId), [body, entities, meId]);
  return <div className={cn(markdownClass, className)}>{content}</div>;
});
