import { AlertCircle } from 'lucide-react';
import { cn } from '../../../lib/cn';
import { Avatar } from '../../../ui/avatar';
import { pendingStore, type PendingMessage } from '../api/pending-store';
import { useChat } from '../chat-context';
import { formatTime } from '../format';
import { Markdown } from '../markdown/markdown';
import { retryPending } from '../composer/send-message';
import { rowClass } from './message-row';

/** A message on its way: dimmed while sending, with Retry / Discard once sending gave up. */
export function PendingRow({ pending, grouped }: { pending: PendingMessage; grouped: boolean }) {
  const { me } = useChat();
  const failed = pending.status === 'failed';
  return (
    <div data-pending={pending.status} className={cn(rowClass, !grouped && 'mt-2 pt-1')}>
      {grouped ? <span className="w-9 shrink-0" aria-hidden /> : <Avatar name={me.name} className="mt-0.5 size-9 rounded-lg" />}
      <div className="min-w-0 flex-1">
        {!grouped && (
          <p className="flex items-baseline gap-2">
            <span className="text-[15px] font-semibold">{me.name}</span>
            <span className="text-xs text-muted">{formatTime(pending.createdAt)}</span>
          </p>
        )}
        <Markdown body={pending.body} meId={me.id} className={cn(!failed && 'opacity-60')} />
        {failed ? (
          <p role="alert" className="mt-1 flex flex-wrap items-center gap-2 text-xs text-danger">
            <AlertCircle className="size-3.5" aria-hidden /> Not sent.
            <button type="button" className="font-medium underline" onClick={() => retryPending(pending.clientId)}>Retry</button>
            <button type="button" className="text-muted underline" onClick={() => pendingStore.resolve(pending.clientId)}>Discard</button>
          </p>
        ) : (
          <p className="sr-only">Sending…</p>
        )}
      </div>
    </div>
  );
}
