import { AlertDialog as A } from 'radix-ui';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../lib/api';
import { cn } from '../lib/cn';
import { FormError } from './alert';
import { Button } from './button';

interface ConfirmDialogProps {
  /** The element that opens the dialog (rendered as-is through Radix's asChild); omit when controlled. */
  trigger?: ReactNode;
  /** Controlled use (e.g. opened from a menu item): the dialog shows while `open` is true. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  confirmLabel: string;
  tone?: 'danger' | 'primary';
  /** Runs on confirm; the dialog stays open and shows the error if it throws. */
  onConfirm: () => Promise<unknown>;
  /** Extra content (e.g. a "type the name" input). */
  children?: ReactNode;
  /** Disables the confirm button (e.g. until the name is typed). */
  confirmDisabled?: boolean;
}

/** Destructive-action confirmation on Radix AlertDialog (focus starts on Cancel). */
export function ConfirmDialog({ trigger, title, description, confirmLabel, tone = 'danger', onConfirm, children, confirmDisabled, ...controlled }: ConfirmDialogProps) {
  const [ownOpen, setOwnOpen] = useState(false);
  const open = controlled.open ?? ownOpen;
  const setOpen = (next: boolean) => {
    setOwnOpen(next);
    controlled.onOpenChange?.(next);
  };
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  return (
    <A.Root open={open} onOpenChange={(o) => { setOpen(o); if (!o) setError(null); }}>
      {trigger && <A.Trigger asChild>{trigger}</A.Trigger>}
      <A.Portal>
        <A.Overlay className="fixed inset-0 z-50 bg-black/40 data-[state=open]:animate-fade-in dark:bg-black/60" />
        <A.Content
          className={cn(
            'fixed top-1/2 left-1/2 z-50 grid w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 gap-4',
            'rounded-xl border bg-surface p-6 shadow-xl data-[state=open]:animate-pop-in focus:outline-none',
          )}
        >
          <div className="grid gap-1.5">
            <A.Title className="text-base font-semibold">{title}</A.Title>
            <A.Description className="text-sm text-muted">{description}</A.Description>
          </div>
          {children}
          <FormError message={error} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <A.Cancel asChild>
              <Button variant="secondary">Cancel</Button>
            </A.Cancel>
            {/* Not A.Action: that would close the dialog before the request finishes. */}
            <Button variant={tone} loading={pending} disabled={confirmDisabled} onClick={confirm}>
              {confirmLabel}
            </Button>
          </div>
        </A.Content>
      </A.Portal>
    </A.Root>
  );
}
