import { CheckCircle2, X, XCircle } from 'lucide-react';
import { Toast as T } from 'radix-ui';
import { useSyncExternalStore } from 'react';
import { cn } from '../lib/cn';

/**
 * Minimal toast queue on Radix Toast. `toast()` can be called from anywhere
 * (mutation callbacks included); <Toaster /> renders the queue once at the root.
 */
interface ToastItem {
  id: number;
  message: string;
  tone: 'success' | 'error';
}

let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function toast(message: string, tone: ToastItem['tone'] = 'success'): void {
  items = [...items, { id: nextId++, message, tone }].slice(-4);
  emit();
}

function dismiss(id: number): void {
  items = items.filter((t) => t.id !== id);
  emit();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function Toaster() {
  const list = useSyncExternalStore(subscribe, () => items);
  return (
    <T.Provider swipeDirection="right" duration={4000}>
      {list.map((t) => {
        const Icon = t.tone === 'success' ? CheckCircle2 : XCircle;
        return (
          <T.Root
            key={t.id}
            // Errors interrupt; confirmations are polite.
            type={t.tone === 'error' ? 'foreground' : 'background'}
            onOpenChange={(open) => !open && dismiss(t.id)}
            className="flex items-start gap-3 rounded-lg border bg-surface px-4 py-3 text-sm shadow-lg data-[state=open]:animate-pop-in"
          >
            <Icon className={cn('mt-0.5 size-4 shrink-0', t.tone === 'success' ? 'text-success' : 'text-danger')} aria-hidden />
            <T.Description className="flex-1">{t.message}</T.Description>
            <T.Close aria-label="Dismiss" className="rounded p-0.5 text-muted hover:text-foreground">
              <X className="size-4" aria-hidden />
            </T.Close>
          </T.Root>
        );
      })}
      <T.Viewport className="fixed right-0 bottom-0 z-[100] m-0 flex w-full max-w-sm list-none flex-col gap-2 p-4 outline-none" />
    </T.Provider>
  );
}
