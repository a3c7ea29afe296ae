import type { Message } from '@aio/contracts';
import { Bot, Pin } from 'lucide-react';
import { memo } from 'react';
import { cn } from '../../../lib/cn';
import { Avatar } from '../../../ui/avatar';
import { useChat } from '../chat-context';
import { useIsEditing } from '../editing-store';
import { formatFull, formatTime } from '../format';
import { Markdown } from '../markdown/markdown';
import { EditedMarker } from './edit-history';
import { MessageEditor } from './message-editor';
import { MessageToolbar } from './message-toolbar';
import { ReactionsRow } from './reactions-row';
import { ThreadSummary } from './thread-summary';
import { useRowActivity } from './use-row-activity';

interface MessageRowProps {
  message: Message;
  /** Same author shortly after the previous message: no avatar and name. */
  grouped: boolean;
  inThread?: boolean;
  highlighted?: boolean;
}

export const rowClass =
  'group relative flex gap-3 px-5 py-0.5 transition-colors hover:bg-surface-2/70 focus-within:bg-surface-2/70 ' +
  'focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:ring-inset';

export const MessageRow = memo(function MessageRow({ message, grouped, inThread = false, highlighted = false }: MessageRowProps) {
  const { me } = useChat();
  const editing = useIsEditing(message.id);
  const { active, rowProps, setMenuOpen } = useRowActivity();
  if (message.deletedAt) return <Tombstone message={message} grouped={grouped} />;
  return (
    <div
      role="article"
      tabIndex={0}
      data-message-id={message.id}
      data-seq={message.seq}
      className={cn(rowClass, !grouped && 'mt-2 pt-1', message.pinned && 'bg-warning-soft/40', highlighted && 'bg-warning-soft animate-fade-in')}
      {...rowProps}
    >
      <Gutter message={message} grouped={grouped} />
      <div className="min-w-0 flex-1">
        {grouped ? <span className="sr-only">{message.author.name}, {formatTime(message.createdAt)}: </span> : <AuthorLine message={message} />}
        {message.pinned && (
          <p className="flex items-center gap-1 text-xs font-medium text-warning">
            <Pin className="size-3" aria-hidden /> Pinned
          </p>
        )}
        {editing ? (
          <MessageEditor message={message} />
        ) : (
          <div className="flex flex-wrap items-baseline">
            <Markdown body={message.body} entities={message.entities} meId={me.id} className="max-w-full" />
            <EditedMarker message={message} />
          </div>
        )}
        <ReactionsRow message={message} />
        {!inThread && <ThreadSummary message={message} />}
      </div>
      {active && !editing && <MessageToolbar message={message} inThread={inThread} onMenuOpenChange={setMenuOpen} />}
    </div>
  );
});

function Gutter({ message, grouped }: { message: Message; grouped: boolean }) {
  if (!grouped) {
    return message.author.type === 'agent' ? (
      <span className="mt-0.5 inline-flex size-9 shrink-0 items-center justify-center rounded-lg bg-primary text-primary-foreground" aria-hidden>
        <Bot className="size-5" />
      </span>
    ) : (
      <Avatar name={message.author.name} className="mt-0.5 size-9 rounded-lg" />
    );
  }
  return (
    <time
      dateTime={message.createdAt}
      title={formatFull(message.createdAt)}
      aria-hidden
      className="w-9 shrink-0 pt-1 text-right text-[10px] leading-4 whitespace-nowrap text-muted opacity-0 tabular-nums group-hover:opacity-100"
    >
      {formatTime(message.createdAt)}
    </time>
  );
}

function AuthorLine({ message }: { message: Message }) {
  return (
    <p className="flex items-baseline gap-2">
      <span className="truncate text-[15px] font-semibold">{message.author.name}</span>
      {message.author.type === 'agent' && <span className="rounded bg-accent px-1 text-[10px] font-semibold text-accent-foreground uppercase">AI</span>}
      <time dateTime={message.createdAt} title={formatFull(message.createdAt)} className="text-xs text-muted tabular-nums">
        {formatTime(message.createdAt)}
      </time>
    </p>
  );
}

function Tombstone({ message, grouped }: { message: Message; grouped: boolean }) {
  return (
    <div data-message-id={message.id} data-seq={message.seq} className={cn(rowClass, !grouped && 'mt-2')}>
      <span className="w-9 shrink-0" aria-hidden />
      <div className="min-w-0 flex-1 py-1">
        <p className="text-sm text-muted italic">This message was deleted.</p>
        <ThreadSummary message={message} />
      </div>
    </div>
  );
}
