import type { Conversation } from '@aio/contracts';
import { Link } from '@tanstack/react-router';
import { cn } from '../../../lib/cn';
import { conversationTitle } from '../conversation-title';
import { ConversationIcon } from '../header/conversation-icon';

const linkClass =
  'group flex items-center gap-2 rounded-md px-2.5 py-1 text-sm text-muted transition-colors hover:bg-surface-2 hover:text-foreground ' +
  'focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none ' +
  'data-[status=active]:bg-accent data-[status=active]:text-accent-foreground';

/**
 * A sidebar entry. Unread conversations are bold; the badge counts mentions in
 * channels and every unread message in DMs (a DM is always addressed to you).
 */
export function ConversationLink({ conversation, meId, workspaceId }: { conversation: Conversation; meId: string; workspaceId: string }) {
  const state = conversation.readState;
  const unread = (state?.unreadCount ?? 0) > 0;
  const badge = conversation.kind === 'direct' ? (state?.unreadCount ?? 0) : (state?.mentionCount ?? 0);
  const title = conversationTitle(conversation, meId);
  const name = conversation.kind === 'direct' ? title : `#${title}`;
  const description = [name, unread && 'unread', badge > 0 && `${badge} ${conversation.kind === 'direct' ? 'new' : badge === 1 ? 'mention' : 'mentions'}`]
    .filter(Boolean)
    .join(', ');
  return (
    <Link
      to="/w/$workspaceId/c/$conversationId"
      params={{ workspaceId, conversationId: conversation.id }}
      aria-label={description}
      data-unread={unread || undefined}
      className={cn(linkClass, unread && 'font-semibold text-foreground')}
    >
      <ConversationIcon conversation={conversation} meId={meId} workspaceId={workspaceId} />
      <span className="min-w-0 flex-1 truncate">{title}</span>
      {badge > 0 && (
        <span className="ml-auto min-w-5 rounded-full bg-danger px-1.5 text-center text-[11px] leading-5 font-bold text-white tabular-nums" aria-hidden>
          {badge > 99 ? '99+' : badge}
        </span>
      )}
    </Link>
  );
}
