import type { Message } from '@aio/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Pin } from 'lucide-react';
import { useState } from 'react';
import { api } from '../../../lib/api';
import { Popover, PopoverContent, PopoverTrigger } from '../../../ui/popover';
import { Tooltip } from '../../../ui/tooltip';
import { chatKeys } from '../api/keys';
import { chatPaths } from '../api/paths';
import { useChat } from '../chat-context';
import { MessageJumpList } from '../message-jump-list';
import { iconButtonClass } from '../ui-classes';

const pinsQuery = (workspaceId: string, conversationId: string) =>
  queryOptions({
    queryKey: chatKeys.pins(workspaceId, conversationId),
    queryFn: ({ signal }) => api.get<{ items: Message[] }>(`${chatPaths.conversation(workspaceId, conversationId)}/pins`, signal).then((r) => r.items),
  });

/** The pinned messages of a conversation; choosing one jumps to it. */
export function PinsPopover({ conversationId }: { conversationId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <Tooltip content="Pinned messages">
        <PopoverTrigger aria-label="Pinned messages" className={iconButtonClass}>
          <Pin aria-hidden />
        </PopoverTrigger>
      </Tooltip>
      <PopoverContent align="end" className="w-96 p-0">
        <h3 className="border-b px-3 py-2 text-sm font-semibold">Pinned messages</h3>
        {open && <PinList conversationId={conversationId} onChosen={() => setOpen(false)} />}
      </PopoverContent>
    </Popover>
  );
}

function PinList({ conversationId, onChosen }: { conversationId: string; onChosen: () => void }) {
  const { workspaceId } = useChat();
  const { data, error } = useQuery(pinsQuery(workspaceId, conversationId));
  return (
    <MessageJumpList
      workspaceId={workspaceId}
      messages={data}
      error={error}
      empty="Nothing is pinned yet. Pin important messages from their “More actions” menu."
      onChosen={onChosen}
    />
  );
}
