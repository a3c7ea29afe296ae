import { X } from 'lucide-react';
import { Dialog as D } from 'radix-ui';
import type { ReactNode } from 'react';
import { cn } from '../lib/cn';

export const Dialog = D.Root;
export const DialogTrigger = D.Trigger;
export const DialogClose = D.Close;

const overlayClass = 'fixed inset-0 z-50 bg-black/40 backdrop-blur-[1px] data-[state=open]:animate-fade-in dark:bg-black/60';
const panelClass =
  'fixed top-1/2 left-1/2 z-50 grid max-h-[90vh] w-[calc(100%-2rem)] -translate-x-1/2 -translate-y-1/2 gap-4 overflow-y-auto ' +
  'rounded-xl border bg-surface p-6 shadow-xl data-[state=open]:animate-pop-in focus:outline-none';

interface DialogContentProps {
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  className?: string;
  /** Block closing on outside click / Escape (e.g. while secrets are shown). */
  dismissible?: boolean;
}

export function DialogContent({ title, description, children, className, dismissible = true }: DialogContentProps) {
  const block = (e: Event) => {
    if (!dismissible) e.preventDefault();
  };
  return (
    <D.Portal>
      <D.Overlay className={overlayClass} />
      <D.Content
        className={cn(panelClass, 'max-w-md', className)}
        onPointerDownOutside={block}
        onEscapeKeyDown={block}
        // Radix warns when there is no Description; passing undefined opts out explicitly.
        {...(description ? {} : { 'aria-describedby': undefined })}
      >
        <div className="grid gap-1.5 pr-6">
          <D.Title className="text-base font-semibold">{title}</D.Title>
          {description && <D.Description className="text-sm text-muted">{description}</D.Description>}
        </div>
        {children}
        {dismissible && (
          <D.Close
            className="absolute top-4 right-4 rounded-md p-1 text-muted transition-colors hover:bg-surface-2 hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
            aria-label="Close"
          >
            <X className="size-4" aria-hidden />
          </D.Close>
        )}
      </D.Content>
    </D.Portal>
  );
}

export function DialogFooter({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn('flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end', className)}>{children}</div>;
}
