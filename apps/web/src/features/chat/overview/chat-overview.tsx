import type { Conversation } from '@aio/contracts';
import { Link } from '@tanstack/react-router';
import { Hash, MessagesSquare, Plus } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../../ui/button';
import { EmptyState, Spinner } from '../../../ui/feedback';
import { useCurrentUser } from '../../auth/session';
import { useConversations } from '../api/conversations-api';
import { conversationTitle } from '../conversation-title';
import { formatAgo } from '../format';
import { ConversationIcon } from '../header/conversation-icon';
import { BrowseChannelsDialog } from '../sidebar/browse-channels-dialog';
import { CreateChannelDialog } from '../sidebar/create-channel-dialog';
import { sidebarSections } from '../sidebar/sidebar-order';

/** The team-chat card of the workspace home: where there is something new, and a way in. */
export function ChatOverview({ workspaceId }: { workspaceId: string }) {
  const me = useCurrentUser();
  const { data: conversations, isPending } = useConversations(workspaceId);
  const [dialog, setDialog] = useState<'create' | 'browse' | null>(null);
  const close = (open: boolean) => !open && setDialog(null);
  if (isPending) return <Spinner label="Loading conversations" />;
  const { channels, directs } = sidebarSections(conversations ?? [], me.id);
  const recent = [...channels, ...directs]
    .sort((a, b) => (b.lastMessageAt ?? b.createdAt).localeCompare(a.lastMessageAt ?? a.createdAt))
    .slice(0, 6);
  return (
    <div className="grid gap-4 p-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="grid gap-0.5">
          <h2 id="team-chat-title" className="text-[15px] font-semibold">Team chat</h2>
          <p className="text-sm text-muted">Recent conversations in this workspace.</p>
        </div>
        <div className="flex gap-2">
          <Button size="sm" variant="secondary" onClick={() => setDialog('browse')}>
            <Hash aria-hidden /> Browse channels
          </Button>
          <Button size="sm" onClick={() => setDialog('create')}>
            <Plus aria-hidden /> Create channel
          </Button>
        </div>
      </div>
      {recent.length === 0 ? (
        <EmptyState icon={<MessagesSquare />} title="No conversations yet" description="Create a channel for your team, or browse the ones that exist." />
      ) : (
        <ul className="grid gap-1 sm:grid-cols-2">
          {recent.map((c) => (
            <RecentConversation key={c.id} conversation={c} meId={me.id} workspaceId={workspaceId} />
          ))}
        </ul>
      )}
      <CreateChannelDialog workspaceId={workspaceId} open={dialog === 'create'} onOpenChange={close} />
      <BrowseChannelsDialog workspaceId={workspaceId} open={dialog === 'browse'} onOpenChange={close} />
    </div>
  );
}

function RecentConversation({ conversation, meId, workspaceId }: { conversation: Conversation; meId: string; workspaceId: string }) {
  const unread = conversation.readState?.unreadCount ?? 0;
  const title = conversationTitle(conversation, meId);
  return (
    <li>
      <Link
        to="/w/$workspaceId/c/$conversationId"
        params={{ workspaceId, conversationId: conversation.id }}
        className="flex items-center gap-2.5 rounded-lg border px-3 py-2.5 text-sm transition-colors hover:bg-surface-2 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        <ConversationIcon conversation={conversation} meId={meId} workspaceId={workspaceId} />
        <span className={unread ? 'truncate font-semibold' : 'truncate'}>{conversation.kind === 'direct' ? title : `#${title}`}</span>
        <span className="ml-auto shrink-0 text-xs text-muted">
          {unread > 0 ? `${unread} new` : conversation.lastMessageAt ? formatAgo(conversation.lastMessageAt) : ''}
        </span>
      </Link>
    </li>
  );
}
