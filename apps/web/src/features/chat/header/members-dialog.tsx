import type { Conversation } from '@aio/contracts';
import { useQuery } from '@tanstack/react-query';
import { Users } from 'lucide-react';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { Avatar } from '../../../ui/avatar';
import { Button } from '../../../ui/button';
import { Dialog, DialogContent, DialogFooter, DialogTrigger } from '../../../ui/dialog';
import { Spinner } from '../../../ui/feedback';
import { toast } from '../../../ui/toast';
import { useMembers } from '../../members/api';
import { conversationMembersQuery, useAddConversationMembers } from '../api/conversations-api';
import { usePresence } from '../api/presence-api';
import { useChat } from '../chat-context';
import { MemberPicker } from '../people/member-picker';
import { PresenceDot } from './conversation-icon';

/** Member count in the header; opens who is in the conversation, and (channels) adding people. */
export function MembersDialog({ conversation }: { conversation: Conversation }) {
  const [open, setOpen] = useState(false);
  const [adding, setAdding] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(o) => (setOpen(o), setAdding(false))}>
      <DialogTrigger
        aria-label={`${conversation.memberCount} members`}
        className="inline-flex h-7 items-center gap-1.5 rounded-md border px-2 text-xs font-medium text-muted hover:bg-surface-2 hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        <Users className="size-3.5" aria-hidden /> {conversation.memberCount}
      </DialogTrigger>
      <DialogContent title={adding ? 'Add people' : 'Members'} className="max-w-lg">
        {open && adding ? (
          <AddPeople conversation={conversation} onDone={() => setAdding(false)} />
        ) : (
          <MemberList conversation={conversation} onAdd={conversation.kind === 'channel' && conversation.isMember && !conversation.archivedAt ? () => setAdding(true) : undefined} />
        )}
      </DialogContent>
    </Dialog>
  );
}

function MemberList({ conversation, onAdd }: { conversation: Conversation; onAdd?: () => void }) {
  const { workspaceId } = useChat();
  const presence = usePresence(workspaceId);
  const { data, error, isPending } = useQuery(conversationMembersQuery(workspaceId, conversation.id));
  if (isPending) return <Spinner label="Loading members" />;
  if (error) return <p className="text-sm text-danger">{errorMessage(error)}</p>;
  return (
    <div className="grid gap-3">
      <ul className="max-h-80 divide-y overflow-y-auto rounded-md border">
        {data.map((m) => (
          <li key={m.userId} className="flex items-center gap-2.5 px-3 py-2 text-sm">
            <Avatar name={m.name} className="size-7" />
            <span className="flex-1 truncate font-medium">{m.name}</span>
            <PresenceDot state={presence[m.userId]?.presence ?? 'offline'} />
          </li>
        ))}
      </ul>
      {onAdd && (
        <DialogFooter>
          <Button onClick={onAdd}>Add people</Button>
        </DialogFooter>
      )}
    </div>
  );
}

function AddPeople({ conversation, onDone }: { conversation: Conversation; onDone: () => void }) {
  const { workspaceId } = useChat();
  const { data: everyone = [] } = useMembers(workspaceId);
  const { data: current = [] } = useQuery(conversationMembersQuery(workspaceId, conversation.id));
  const [selected, setSelected] = useState<string[]>([]);
  const add = useAddConversationMembers(workspaceId, conversation.id);
  const inside = new Set(current.map((m) => m.userId));
  const candidates = everyone.filter((m) => !inside.has(m.userId));
  return (
    <div className="grid gap-3">
      <MemberPicker workspaceId={workspaceId} members={candidates} selected={selected} onChange={setSelected} />
      <DialogFooter>
        <Button variant="secondary" onClick={onDone}>Back</Button>
        <Button
          disabled={selected.length === 0}
          loading={add.isPending}
          onClick={() => add.mutate(selected, { onSuccess: () => (toast('People added'), onDone()), onError: (e) => toast(errorMessage(e), 'error') })}
        >
          Add {selected.length || ''}
        </Button>
      </DialogFooter>
    </div>
  );
}
