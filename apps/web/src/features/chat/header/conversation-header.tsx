import type { Conversation } from '@aio/contracts';
import { useChat } from '../chat-context';
import { conversationTitle } from '../conversation-title';
import { SearchDialog } from '../search/search-dialog';
import { ConversationIcon } from './conversation-icon';
import { ConversationMenu } from './conversation-menu';
import { MembersDialog } from './members-dialog';
import { PinsPopover } from './pins-popover';

/** Name (opening the channel menu), topic, member count, pins and search. */
export function ConversationHeader({ conversation }: { conversation: Conversation }) {
  const { me, workspaceId } = useChat();
  const title = conversationTitle(conversation, me.id);
  return (
    <header className="flex h-14 shrink-0 items-center gap-2 border-b bg-surface px-3 sm:px-4">
      <div className="flex min-w-0 flex-1 items-center gap-2">
        <h1 className="min-w-0 shrink-0 text-[15px] font-bold sm:max-w-[50%]">
          <ConversationMenu conversation={conversation}>
            <ConversationIcon conversation={conversation} meId={me.id} workspaceId={workspaceId} />
            <span className="truncate">{title}</span>
          </ConversationMenu>
        </h1>
        {conversation.topic && (
          <p className="hidden min-w-0 truncate border-l pl-3 text-sm text-muted md:block" title={conversation.topic}>
            {conversation.topic}
          </p>
        )}
        {conversation.archivedAt && <span className="rounded bg-surface-2 px-1.5 py-0.5 text-xs text-muted">Archived</span>}
      </div>
      <MembersDialog conversation={conversation} />
      <PinsPopover conversationId={conversation.id} />
      <SearchDialog />
    </header>
  );
}
