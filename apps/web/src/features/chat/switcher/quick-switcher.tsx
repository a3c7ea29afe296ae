import type { Conversation } from '@aio/contracts';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import { cn } from '../../../lib/cn';
import { Dialog, DialogContent } from '../../../ui/dialog';
import { useCurrentUser } from '../../auth/session';
import { useConversations } from '../api/conversations-api';
import { conversationTitle } from '../conversation-title';
import { ConversationIcon } from '../header/conversation-icon';
import { sidebarSections } from '../sidebar/sidebar-order';
import { fuzzyFilter } from './fuzzy';

/** Ctrl/Cmd+K anywhere in the workspace opens the switcher. */
export function useQuickSwitcherShortcut(open: () => void): void {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        open();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);
}

export function QuickSwitcher({ workspaceId, open, onOpenChange }: { workspaceId: string; open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title="Jump to a conversation" className="max-w-lg gap-3">
        {open && <SwitcherBody workspaceId={workspaceId} onDone={() => onOpenChange(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function SwitcherBody({ workspaceId, onDone }: { workspaceId: string; onDone: () => void }) {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { data: conversations = [] } = useConversations(workspaceId);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const { channels, directs } = sidebarSections(conversations, me.id);
  const label = (c: Conversation) => (c.kind === 'direct' ? conversationTitle(c, me.id) : `#${conversationTitle(c, me.id)}`);
  const matches = fuzzyFilter([...channels, ...directs], query.replace(/^#/, ''), (c) => conversationTitle(c, me.id)).slice(0, 12);
  const index = Math.min(active, Math.max(0, matches.length - 1));

  function go(c: Conversation | undefined) {
    if (!c) return;
    onDone();
    void navigate({ to: '/w/$workspaceId/c/$conversationId', params: { workspaceId, conversationId: c.id } });
  }
  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((index + step + matches.length) % Math.max(1, matches.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      go(matches[index]);
    }
  }

  return (
    <div className="grid gap-2">
      <input
        autoFocus
        role="combobox"
        aria-expanded
        aria-controls={listId}
        aria-activedescendant={matches.length ? `${listId}-${index}` : undefined}
        aria-label="Conversation name"
        value={query}
        onChange={(e) => (setQuery(e.target.value), setActive(0))}
        onKeyDown={onKeyDown}
        placeholder="Type a channel or a person"
        className="h-10 w-full rounded-lg border border-input bg-surface px-3 text-sm focus-visible:ring-2 focus-visible:ring-ring/60 focus-visible:outline-none"
      />
      <ul id={listId} role="listbox" aria-label="Conversations" className="max-h-80 overflow-y-auto">
        {matches.length === 0 && <li className="px-3 py-6 text-center text-sm text-muted">No conversation matches.</li>}
        {matches.map((c, i) => (
          <li
            key={c.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === index}
            onMouseEnter={() => setActive(i)}
            onClick={() => go(c)}
            className={cn('flex cursor-pointer items-center gap-2.5 rounded-md px-3 py-2 text-sm', i === index && 'bg-accent text-accent-foreground')}
          >
            <ConversationIcon conversation={c} meId={me.id} workspaceId={workspaceId} />
            <span className={cn('truncate', (c.readState?.unreadCount ?? 0) > 0 && 'font-semibold')}>{label(c)}</span>
            {c.topic && <span className="ml-auto truncate text-xs text-muted">{c.topic}</span>}
          </li>
        ))}
      </ul>
      <p className="text-xs text-muted">↑ ↓ to choose · Enter to open · Esc to close</p>
    </div>
  );
}
