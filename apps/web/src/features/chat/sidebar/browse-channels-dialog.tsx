import type { Conversation } from '@aio/contracts';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Hash } from 'lucide-react';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { Button } from '../../../ui/button';
import { Dialog, DialogContent } from '../../../ui/dialog';
import { EmptyState, Spinner } from '../../../ui/feedback';
import { Input } from '../../../ui/input';
import { toast } from '../../../ui/toast';
import { browseChannelsQuery, useConversationAction } from '../api/conversations-api';
import { plural } from '../format';

/** Public channels I am not in: look inside, or join. */
export function BrowseChannelsDialog({ workspaceId, open, onOpenChange }: { workspaceId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title="Browse channels" className="max-w-lg">
        {open && <ChannelDirectory workspaceId={workspaceId} onDone={() => onOpenChange(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function ChannelDirectory({ workspaceId, onDone }: { workspaceId: string; onDone: () => void }) {
  const { data, error, isPending } = useQuery(browseChannelsQuery(workspaceId));
  const [filter, setFilter] = useState('');
  if (isPending) return <Spinner label="Loading channels" />;
  if (error) return <p role="alert" className="text-sm text-danger">{errorMessage(error)}</p>;
  const q = filter.trim().toLowerCase();
  const shown = data.filter((c) => !q || (c.name ?? '').includes(q) || c.topic.toLowerCase().includes(q));
  return (
    <div className="grid gap-3">
      <Input aria-label="Filter channels" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Filter by name or topic" autoFocus />
      {data.length === 0 ? (
        <EmptyState icon={<Hash />} title="You are in every public channel" description="Create a new one from the + next to Channels." />
      ) : (
        <ul className="max-h-80 divide-y overflow-y-auto rounded-md border">
          {shown.map((c) => (
            <ChannelEntry key={c.id} workspaceId={workspaceId} conversation={c} onDone={onDone} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ChannelEntry({ workspaceId, conversation, onDone }: { workspaceId: string; conversation: Conversation; onDone: () => void }) {
  const navigate = useNavigate();
  const join = useConversationAction(workspaceId, conversation.id);
  const open = () => {
    onDone();
    void navigate({ to: '/w/$workspaceId/c/$conversationId', params: { workspaceId, conversationId: conversation.id } });
  };
  // mutateAsync, not mutate's onSuccess: once joined, the refreshed directory drops this entry,
  // and callbacks of an unmounted mutate never run.
  const joinAndOpen = () =>
    join.mutateAsync('join').then(open, (e: unknown) => toast(errorMessage(e), 'error'));
  return (
    <li className="flex items-center gap-3 px-3 py-2.5">
      <button type="button" onClick={open} className="grid min-w-0 flex-1 text-left focus-visible:outline-none focus-visible:underline">
        <span className="truncate text-sm font-semibold">#{conversation.name}</span>
        <span className="truncate text-xs text-muted">
          {plural(conversation.memberCount, 'member')}
          {conversation.topic && ` · ${conversation.topic}`}
        </span>
      </button>
      <Button size="sm" variant="secondary" loading={join.isPending} onClick={joinAndOpen}>
        Join
      </Button>
    </li>
  );
}
