import type { ComponentProps } from 'react';
import { cn } from '../lib/cn';

export const inputClass =
  'flex h-9 w-full rounded-md border border-input bg-surface px-3 py-1 text-sm text-foreground shadow-xs transition-colors ' +
  'placeholder:text-muted/70 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring/60 focus-visible:border-ring ' +
  'disabled:cursor-not-allowed disabled:opacity-60 aria-[invalid=true]:border-danger aria-[invalid=true]:focus-visible:ring-danger/40';

// Only text inputs: <select> also matches :read-only, so this must not be in inputClass.
const readOnlyClass = 'read-only:bg-surface-2 read-only:text-muted';

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn(inputClass, readOnlyClass, className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea className={cn(inputClass, 'h-auto min-h-20 py-2', className)} {...props} />;
}
