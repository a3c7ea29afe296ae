import type { Message } from '@aio/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { Spinner } from '../../../ui/feedback';
import { Popover, PopoverContent, PopoverTrigger } from '../../../ui/popover';
import { editHistoryQuery } from '../api/message-actions-api';
import { useChat } from '../chat-context';
import { formatFull } from '../format';
import { Markdown } from '../markdown/markdown';

/** The "(edited)" marker; opening it shows the earlier versions of the message. */
export function EditedMarker({ message }: { message: Message }) {
  const [open, setOpen] = useState(false);
  if (!message.editedAt) return null;
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger
        className="ml-1 rounded text-xs text-muted hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        title={`Edited ${formatFull(message.editedAt)}`}
      >
        (edited)
      </PopoverTrigger>
      <PopoverContent align="start" className="w-80 p-3">
        {open && <EditHistory message={message} />}
      </PopoverContent>
    </Popover>
  );
}

function EditHistory({ message }: { message: Message }) {
  const { workspaceId, me } = useChat();
  const { data, error, isPending } = useQuery(editHistoryQuery(workspaceId, message.id));
  if (isPending) return <Spinner label="Loading history" className="py-4" />;
  if (error) return <p className="text-sm text-danger">{errorMessage(error)}</p>;
  return (
    <div className="grid max-h-72 gap-3 overflow-y-auto">
      <p className="text-xs font-medium text-muted">Earlier versions</p>
      {data.length === 0 && <p className="text-sm text-muted">No earlier versions are kept.</p>}
      {data.map((edit, i) => (
        <div key={i} className="grid gap-1 border-l-2 pl-2">
          <span className="text-xs text-muted">{formatFull(edit.editedAt)}</span>
          <Markdown body={edit.body} meId={me.id} className="text-sm" />
        </div>
      ))}
    </div>
  );
}
