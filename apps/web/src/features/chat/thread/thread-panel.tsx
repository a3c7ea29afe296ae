import type { Conversation } from '@aio/contracts';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { X } from 'lucide-react';
import { useEffect, useMemo, useRef } from 'react';
import { errorMessage } from '../../../lib/api';
import { Alert } from '../../../ui/alert';
import { Button } from '../../../ui/button';
import { Spinner } from '../../../ui/feedback';
import { usePendingMessages } from '../api/pending-store';
import { useChat } from '../chat-context';
import { Composer } from '../composer/composer';
import { TypingIndicator } from '../composer/typing-indicator';
import { conversationTitle } from '../conversation-title';
import { plural } from '../format';
import { MessageRow } from '../message/message-row';
import { PendingRow } from '../message/pending-row';
import { buildRows } from '../message-list/rows';
import { threadQuery, useLoadEarlierReplies } from './thread-api';

/** The thread beside the conversation: its root, the replies, and a composer that replies in it. */
export function ThreadPanel({ conversation, rootId }: { conversation: Conversation; rootId: string }) {
  const { workspaceId, me } = useChat();
  const navigate = useNavigate();
  const { data, error } = useQuery(threadQuery(workspaceId, rootId));
  const close = () => {
    void navigate({ to: '/w/$workspaceId/c/$conversationId', params: { workspaceId, conversationId: conversation.id } });
    // Back to where the person was typing before the thread opened.
    requestAnimationFrame(() => document.querySelector<HTMLTextAreaElement>('[data-composer="conversation"]')?.focus());
  };
  const where = conversation.kind === 'direct' ? conversationTitle(conversation, me.id) : `#${conversationTitle(conversation, me.id)}`;

  return (
    <aside
      aria-label="Thread"
      onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && (e.stopPropagation(), close())}
      className="flex w-full min-w-0 flex-col border-l bg-surface lg:w-[400px] lg:shrink-0"
    >
      <header className="flex h-14 shrink-0 items-center gap-2 border-b px-4">
        <h2 className="text-[15px] font-bold">Thread</h2>
        <span className="truncate text-sm text-muted">{where}</span>
        <Button variant="ghost" size="icon" className="ml-auto" aria-label="Close thread" onClick={close}>
          <X aria-hidden />
        </Button>
      </header>
      {error ? (
        <Alert tone="danger" className="m-4" title="The thread could not be loaded">{errorMessage(error)}</Alert>
      ) : !data ? (
        <Spinner label="Loading thread" />
      ) : (
        <>
          <ThreadMessages conversationId={conversation.id} rootId={rootId} />
          {conversation.isMember && !conversation.archivedAt && (
            <div className="pt-1">
              <Composer conversation={conversation} threadRootId={rootId} placeholder="Reply…" autoFocus />
              <TypingIndicator conversationId={conversation.id} threadRootId={rootId} />
            </div>
          )}
        </>
      )}
    </aside>
  );
}

function ThreadMessages({ conversationId, rootId }: { conversationId: string; rootId: string }) {
  const { workspaceId, me } = useChat();
  const { data } = useQuery(threadQuery(workspaceId, rootId));
  const pending = usePendingMessages(conversationId, rootId);
  const earlier = useLoadEarlierReplies(workspaceId, rootId);
  const rows = useMemo(
    () => (data ? buildRows({ items: data.replies, hasMoreBefore: false, hasMoreAfter: false }, pending, me.id) : []),
    [data, pending, me.id],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  useStickToBottom(scrollRef, rows.length);
  if (!data) return null;
  const replyCount = Math.max(data.root.thread?.replyCount ?? 0, data.replies.length);
  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto pb-2" role="region" aria-label="Thread messages" tabIndex={0}>
      <MessageRow message={data.root} grouped={false} inThread />
      <div className="flex items-center gap-3 px-5 py-2 text-xs text-muted" role="separator">
        <span>{plural(replyCount, 'reply', 'replies')}</span>
        <span className="h-px flex-1 bg-border" aria-hidden />
      </div>
      {data.hasMoreBefore && (
        <Button variant="link" size="sm" className="mx-5" loading={earlier.loading} onClick={earlier.load}>
          Show earlier replies
        </Button>
      )}
      {rows.map((row) => {
        if (row.kind === 'message') return <MessageRow key={row.key} message={row.message} grouped={row.grouped} inThread />;
        if (row.kind === 'pending') return <PendingRow key={row.key} pending={row.pending} grouped={row.grouped} />;
        return null;
      })}
    </div>
  );
}

/** Keeps the newest reply in view as replies arrive, unless the reader scrolled up. */
function useStickToBottom(ref: React.RefObject<HTMLDivElement | null>, count: number) {
  const atBottom = useRef(true);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onScroll = () => (atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40);
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [ref]);
  useEffect(() => {
    const el = ref.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [ref, count]);
}
