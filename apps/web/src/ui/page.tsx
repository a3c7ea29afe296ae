import type { ReactNode } from 'react';
import { cn } from '../lib/cn';

/** Standard page frame for the signed-in area: title, description, actions. */
export function Page({ title, description, actions, children, className }: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn('mx-auto w-full max-w-4xl px-4 py-8 sm:px-8', className)}>
      <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div className="grid gap-1">
          <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
          {description && <p className="text-sm text-muted">{description}</p>}
        </div>
        {actions && <div className="flex items-center gap-2">{actions}</div>}
      </header>
      <div className="grid gap-6">{children}</div>
    </div>
  );
}
