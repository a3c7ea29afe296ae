import { MessageSquare } from 'lucide-react';
import { cn } from '../lib/cn';

export function Logo({ className, withText = true }: { className?: string; withText?: boolean }) {
  return (
    <span className={cn('inline-flex items-center gap-2 font-semibold tracking-tight', className)}>
      <span className="inline-flex size-7 items-center justify-center rounded-lg bg-primary text-primary-foreground shadow-sm" aria-hidden>
        <MessageSquare className="size-4" />
      </span>
      {withText && <span>AIO Chat</span>}
    </span>
  );
}
