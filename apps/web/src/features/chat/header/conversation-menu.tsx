import type { Conversation } from '@aio/contracts';
import { useNavigate } from '@tanstack/react-router';
import { Archive, ArchiveRestore, ChevronDown, LogOut, PencilLine } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../../lib/api';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from '../../../ui/dropdown-menu';
import { toast } from '../../../ui/toast';
import { useConversationAction } from '../api/conversations-api';
import { useChat } from '../chat-context';
import { TopicDialog } from './topic-dialog';

type Confirm = 'leave' | 'archive' | null;

/** The conversation's title opens this menu: topic, leave, archive. */
export function ConversationMenu({ conversation, children }: { conversation: Conversation; children: ReactNode }) {
  const { workspaceId } = useChat();
  const navigate = useNavigate();
  const action = useConversationAction(workspaceId, conversation.id);
  const [topicOpen, setTopicOpen] = useState(false);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const isChannel = conversation.kind === 'channel';
  const archived = conversation.archivedAt !== null;

  async function leave() {
    await action.mutateAsync('leave');
    toast(isChannel ? `You left #${conversation.name}` : 'You left the conversation');
    await navigate({ to: '/w/$workspaceId', params: { workspaceId } });
  }
  const unarchive = () => action.mutate('unarchive', { onError: (e) => toast(errorMessage(e), 'error') });

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger className="group flex min-w-0 items-center gap-1.5 rounded-md px-1.5 py-1 hover:bg-surface-2 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
          {children}
          <ChevronDown className="size-4 shrink-0 text-muted" aria-hidden />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          {isChannel && !archived && conversation.isMember && (
            <DropdownMenuItem onSelect={() => setTopicOpen(true)}>
              <PencilLine aria-hidden /> Edit topic
            </DropdownMenuItem>
          )}
          {isChannel && (archived ? (
            <DropdownMenuItem onSelect={unarchive}>
              <ArchiveRestore aria-hidden /> Unarchive channel
            </DropdownMenuItem>
          ) : (
            <DropdownMenuItem onSelect={() => setConfirm('archive')}>
              <Archive aria-hidden /> Archive channel
            </DropdownMenuItem>
          ))}
          {conversation.isMember && (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem className="text-danger [&_svg]:!text-danger" onSelect={() => setConfirm('leave')}>
                <LogOut aria-hidden /> {isChannel ? 'Leave channel' : 'Leave conversation'}
              </DropdownMenuItem>
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      {isChannel && <TopicDialog conversation={conversation} open={topicOpen} onOpenChange={setTopicOpen} />}
      <ConfirmDialog
        open={confirm === 'leave'}
        onOpenChange={(o) => !o && setConfirm(null)}
        title={isChannel ? `Leave #${conversation.name}?` : 'Leave this conversation?'}
        description={conversation.isPrivate || !isChannel ? 'You will need to be added again to come back.' : 'You can join again at any time.'}
        confirmLabel="Leave"
        onConfirm={leave}
      />
      <ConfirmDialog
        open={confirm === 'archive'}
        onOpenChange={(o) => !o && setConfirm(null)}
        title={`Archive #${conversation.name}?`}
        description="No one can post in an archived channel. Its history stays searchable, and it can be unarchived later."
        confirmLabel="Archive"
        onConfirm={() => action.mutateAsync('archive')}
      />
    </>
  );
}
