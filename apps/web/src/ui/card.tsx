import type { ComponentProps, ReactNode } from 'react';
import { cn } from '../lib/cn';

export function Card({ className, ...props }: ComponentProps<'section'>) {
  return <section className={cn('rounded-xl border bg-surface shadow-xs', className)} {...props} />;
}

interface SectionCardProps {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons shown in the footer bar (settings-page style). */
  footer?: ReactNode;
  /** Top-right header element. */
  action?: ReactNode;
  tone?: 'default' | 'danger';
  children?: ReactNode;
  className?: string;
  id?: string;
}

/** A titled settings block: header, body, optional footer with actions. */
export function SectionCard({ title, description, footer, action, tone = 'default', children, className, id }: SectionCardProps) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <Card id={id} aria-labelledby={headingId} className={cn(tone === 'danger' && 'border-danger/40', className)}>
      <header className="flex items-start justify-between gap-4 px-5 pt-5 pb-1">
        <div className="grid gap-1">
          <h2 id={headingId} className={cn('text-[15px] font-semibold', tone === 'danger' && 'text-danger')}>
            {title}
          </h2>
          {description && <p className="text-sm text-muted">{description}</p>}
        </div>
        {action}
      </header>
      {children && <div className="px-5 py-4">{children}</div>}
      {footer && (
        <footer className="flex flex-wrap items-center justify-end gap-2 rounded-b-xl border-t bg-surface-2/60 px-5 py-3">
          {footer}
        </footer>
      )}
    </Card>
  );
}
