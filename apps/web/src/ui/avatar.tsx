import { cn } from '../lib/cn';
import { initials } from '../lib/format';

/** Initials avatar; decorative because the name is always shown beside it. */
export function Avatar({ name, email, className }: { name: string; email?: string; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn(
        'inline-flex size-8 shrink-0 items-center justify-center rounded-full bg-accent text-xs font-semibold text-accent-foreground',
        className,
      )}
    >
      {initials(name, email)}
    </span>
  );
}

/** Square workspace mark with the first letter of its name. */
export function WorkspaceMark({ name, className }: { name: string; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn(
        'inline-flex size-7 shrink-0 items-center justify-center rounded-md bg-primary text-[13px] font-semibold text-primary-foreground',
        className,
      )}
    >
      {(name.trim()[0] ?? '?').toUpperCase()}
    </span>
  );
}
