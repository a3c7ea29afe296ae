import type { Conversation } from '@aio/contracts';
import { Hash, Lock, Loader2, MessagesSquare } from 'lucide-react';
import { memo } from 'react';
import { useChat } from '../chat-context';
import { conversationTitle } from '../conversation-title';
import { formatDay, formatFull } from '../format';
import { MessageRow } from '../message/message-row';
import { PendingRow } from '../message/pending-row';
import type { Row } from './rows';

interface RowViewProps {
  row: Row;
  conversation: Conversation;
  highlightSeq: number | undefined;
}

export const RowView = memo(function RowView({ row, conversation, highlightSeq }: RowViewProps) {
  switch (row.kind) {
    case 'start':
      return row.hasMoreBefore ? <LoadingOlder /> : <ConversationStart conversation={conversation} />;
    case 'day':
      return <DaySeparator date={row.date} />;
    case 'message':
      return <MessageRow message={row.message} grouped={row.grouped} highlighted={row.message.seq === highlightSeq} />;
    case 'pending':
      return <PendingRow pending={row.pending} grouped={row.grouped} />;
    case 'end':
      return <div className="h-4" aria-hidden />;
  }
});

function LoadingOlder() {
  return (
    <div role="status" className="flex items-center justify-center gap-2 py-4 text-xs text-muted">
      <Loader2 className="size-3.5 animate-spin" aria-hidden /> Loading earlier messages…
    </div>
  );
}

function DaySeparator({ date }: { date: Date }) {
  return (
    <div className="relative flex items-center justify-center py-3" role="separator" aria-label={formatDay(date)}>
      <span className="absolute inset-x-5 top-1/2 h-px bg-border" aria-hidden />
      <span className="relative rounded-full border bg-surface px-3 py-0.5 text-xs font-semibold text-foreground/80 shadow-xs" aria-hidden>
        {formatDay(date)}
      </span>
    </div>
  );
}

/** The top of the history: what this conversation is, who made it. */
function ConversationStart({ conversation }: { conversation: Conversation }) {
  const { me } = useChat();
  const Icon = conversation.kind === 'direct' ? MessagesSquare : conversation.isPrivate ? Lock : Hash;
  const title = conversationTitle(conversation, me.id);
  return (
    <div className="grid gap-2 px-5 pt-10 pb-4">
      <span className="inline-flex size-12 items-center justify-center rounded-xl bg-accent text-accent-foreground" aria-hidden>
        <Icon className="size-6" />
      </span>
      <h2 className="text-xl font-bold break-words">
        {conversation.kind === 'direct' ? title : `Welcome to #${title}`}
      </h2>
      <p className="text-sm text-muted">
        {conversation.kind === 'direct'
          ? `This is the very beginning of your conversation with ${title}.`
          : `This is the very beginning of #${title}, created ${formatFull(conversation.createdAt)}.`}
        {conversation.topic && ` Topic: ${conversation.topic}`}
      </p>
    </div>
  );
}
