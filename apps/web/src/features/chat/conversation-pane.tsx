import type { Conversation } from '@aio/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Archive } from 'lucide-react';
import { useCallback, useEffect } from 'react';
import { errorMessage } from '../../lib/api';
import { cn } from '../../lib/cn';
import { Button } from '../../ui/button';
import { toast } from '../../ui/toast';
import { useConversationAction } from './api/conversations-api';
import { chatKeys } from './api/keys';
import { useMarkRead } from './api/read-state-api';
import type { Timeline } from './api/timeline';
import { useNewMessageAnnouncement } from './announce';
import { useChat } from './chat-context';
import { Composer } from './composer/composer';
import { TypingIndicator } from './composer/typing-indicator';
import { conversationTitle } from './conversation-title';
import { startEditing } from './editing-store';
import { ConversationHeader } from './header/conversation-header';
import { useConversationShortcuts } from './keyboard';
import { MessageList } from './message-list/message-list';
import { useViewingConversation } from './realtime/use-realtime';

interface ConversationPaneProps {
  conversation: Conversation;
  jumpSeq: number | undefined;
  onJumpDone: () => void;
  /** On narrow screens the thread takes the whole width. */
  threadOpen: boolean;
}

export function ConversationPane({ conversation, jumpSeq, onJumpDone, threadOpen }: ConversationPaneProps) {
  const { workspaceId, me, connection } = useChat();
  const title = conversationTitle(conversation, me.id);
  const label = conversation.kind === 'direct' ? title : `#${title}`;
  const announcement = useNewMessageAnnouncement(workspaceId, conversation.id, me.id);
  useViewingConversation(connection, conversation.id);
  useMarkReadWhileVisible(conversation);
  useConversationShortcuts(conversation);
  const editLast = useEditLastOwnMessage(conversation.id);

  return (
    <section aria-label={label} className={cn('flex min-w-0 flex-1 flex-col bg-surface', threadOpen && 'hidden lg:flex')}>
      <ConversationHeader conversation={conversation} />
      <MessageList conversation={conversation} jumpSeq={jumpSeq} onJumpDone={onJumpDone} label={`Messages in ${label}`} />
      <div aria-live="polite" className="sr-only">{announcement}</div>
      <ConversationFooter conversation={conversation} label={label} onEditLast={editLast} />
    </section>
  );
}

function ConversationFooter({ conversation, label, onEditLast }: { conversation: Conversation; label: string; onEditLast: () => void }) {
  const { workspaceId } = useChat();
  const join = useConversationAction(workspaceId, conversation.id);
  if (conversation.archivedAt) {
    return (
      <p className="m-5 flex items-center justify-center gap-2 rounded-lg border bg-surface-2 px-4 py-3 text-sm text-muted">
        <Archive className="size-4" aria-hidden /> This channel is archived. Its history stays readable.
      </p>
    );
  }
  if (!conversation.isMember) {
    return (
      <div className="m-5 flex flex-wrap items-center justify-center gap-3 rounded-lg border bg-surface-2 px-4 py-3 text-sm">
        <span>You are viewing <strong>{label}</strong>.</span>
        <Button size="sm" loading={join.isPending} onClick={() => join.mutate('join', { onError: (e) => toast(errorMessage(e), 'error') })}>
          Join channel
        </Button>
      </div>
    );
  }
  return (
    <div className="pt-1">
      <Composer key={conversation.id} conversation={conversation} threadRootId={null} placeholder={`Message ${label}`} onEditLast={onEditLast} autoFocus />
      <TypingIndicator conversationId={conversation.id} threadRootId={null} />
    </div>
  );
}

/** Reading a conversation marks it read: when it opens, and when the tab comes back into view. */
function useMarkReadWhileVisible(conversation: Conversation): void {
  const { workspaceId } = useChat();
  const markRead = useMarkRead(workspaceId);
  const unread = conversation.readState?.unreadCount ?? 0;
  useEffect(() => {
    const mark = () => !document.hidden && markRead(conversation.id);
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [conversation.id, unread, markRead]);
}

/** ↑ in an empty composer: edit my newest message still on screen. */
function useEditLastOwnMessage(conversationId: string): () => void {
  const { workspaceId, me } = useChat();
  const qc = useQueryClient();
  return useCallback(() => {
    const items = qc.getQueryData<Timeline>(chatKeys.timeline(workspaceId, conversationId))?.items ?? [];
    const last = items.findLast((m) => m.author.type === 'member' && m.author.id === me.id && !m.deletedAt);
    if (last) startEditing(last.id);
  }, [qc, workspaceId, conversationId, me.id]);
}
