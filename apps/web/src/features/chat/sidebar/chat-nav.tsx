import { BellRing, Bookmark, ChevronDown, Hash, Plus, Search, WifiOff } from 'lucide-react';
import { useCallback, useState, type ReactNode } from 'react';
import { useCurrentUser } from '../../auth/session';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from '../../../ui/dropdown-menu';
import { useConversations } from '../api/conversations-api';
import { useNotificationPermission } from '../realtime/notifications';
import { useConnectionStatus, useRealtime } from '../realtime/use-realtime';
import { QuickSwitcher, useQuickSwitcherShortcut } from '../switcher/quick-switcher';
import { iconButtonClass } from '../ui-classes';
import { BrowseChannelsDialog } from './browse-channels-dialog';
import { ConversationLink } from './conversation-link';
import { CreateChannelDialog } from './create-channel-dialog';
import { NewDirectMessageDialog } from './new-dm-dialog';
import { SavedDialog } from './saved-dialog';
import { sidebarSections } from './sidebar-order';

type OpenDialog = 'channel' | 'browse' | 'dm' | 'switcher' | 'saved' | null;

/**
 * Team chat in the app sidebar: channels and direct messages with unread
 * state, and the ways to start new ones. It also holds the workspace's live
 * connection open for as long as the workspace is on screen.
 */
export function ChatNav({ workspaceId }: { workspaceId: string }) {
  const me = useCurrentUser();
  const connection = useRealtime(workspaceId);
  const status = useConnectionStatus(connection);
  const { data: conversations = [] } = useConversations(workspaceId);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const openSwitcher = useCallback(() => setDialog('switcher'), []);
  useQuickSwitcherShortcut(openSwitcher);
  const { channels, directs } = sidebarSections(conversations, me.id);

  return (
    <nav aria-label="Conversations" className="-mx-1 grid min-h-0 flex-1 content-start gap-4 overflow-y-auto px-1">
      <NavShortcuts onJump={openSwitcher} onSaved={() => setDialog('saved')} />
      {status === 'offline' && <ReconnectingNotice />}
      <Section title="Channels" action={<AddChannelsMenu onChoose={setDialog} />}>
        {channels.map((c) => (
          <ConversationLink key={c.id} conversation={c} meId={me.id} workspaceId={workspaceId} />
        ))}
        {channels.length === 0 && <EmptyHint onClick={() => setDialog('browse')}>Browse channels</EmptyHint>}
      </Section>
      <Section
        title="Direct messages"
        action={
          <button type="button" aria-label="New direct message" className={iconButtonClass} onClick={() => setDialog('dm')}>
            <Plus aria-hidden />
          </button>
        }
      >
        {directs.map((c) => (
          <ConversationLink key={c.id} conversation={c} meId={me.id} workspaceId={workspaceId} />
        ))}
        {directs.length === 0 && <EmptyHint onClick={() => setDialog('dm')}>Message someone</EmptyHint>}
      </Section>
      <NotificationPrompt />
      <NavDialogs workspaceId={workspaceId} dialog={dialog} onClose={() => setDialog(null)} />
    </nav>
  );
}

const SWITCHER_KEYS = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘K' : 'Ctrl K';

function NavShortcuts({ onJump, onSaved }: { onJump: () => void; onSaved: () => void }) {
  return (
    <div className="grid gap-0.5">
      <button
        type="button"
        onClick={onJump}
        className="mb-1.5 flex items-center gap-2 rounded-md border bg-surface-2 px-2.5 py-1.5 text-sm text-muted hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        <Search className="size-4" aria-hidden /> Jump to…
        <kbd className="ml-auto rounded border bg-surface px-1 font-sans text-[10px]">{SWITCHER_KEYS}</kbd>
      </button>
      <button
        type="button"
        onClick={onSaved}
        className="flex items-center gap-2 rounded-md px-2.5 py-1 text-sm text-muted hover:bg-surface-2 hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        <Bookmark className="size-4" aria-hidden /> Saved for later
      </button>
    </div>
  );
}

function ReconnectingNotice() {
  return (
    <p role="status" className="flex items-center gap-2 rounded-md bg-warning-soft px-2.5 py-1.5 text-xs text-foreground">
      <WifiOff className="size-3.5 text-warning" aria-hidden /> Reconnecting…
    </p>
  );
}

function NavDialogs({ workspaceId, dialog, onClose }: { workspaceId: string; dialog: OpenDialog; onClose: () => void }) {
  const close = (open: boolean) => !open && onClose();
  return (
    <>
      <CreateChannelDialog workspaceId={workspaceId} open={dialog === 'channel'} onOpenChange={close} />
      <BrowseChannelsDialog workspaceId={workspaceId} open={dialog === 'browse'} onOpenChange={close} />
      <NewDirectMessageDialog workspaceId={workspaceId} open={dialog === 'dm'} onOpenChange={close} />
      <QuickSwitcher workspaceId={workspaceId} open={dialog === 'switcher'} onOpenChange={close} />
      <SavedDialog workspaceId={workspaceId} open={dialog === 'saved'} onOpenChange={close} />
    </>
  );
}

function AddChannelsMenu({ onChoose }: { onChoose: (dialog: 'channel' | 'browse') => void }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger aria-label="Add channels" className={iconButtonClass}>
        <Plus aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem onSelect={() => onChoose('channel')}>
          <Plus aria-hidden /> Create a channel
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => onChoose('browse')}>
          <Hash aria-hidden /> Browse channels
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function Section({ title, action, children }: { title: string; action: ReactNode; children: ReactNode }) {
  const [collapsed, setCollapsed] = useState(false);
  return (
    <section className="grid gap-0.5" aria-label={title}>
      <div className="flex items-center justify-between pr-0.5">
        <button
          type="button"
          aria-expanded={!collapsed}
          onClick={() => setCollapsed((c) => !c)}
          className="flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-medium text-muted hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        >
          <ChevronDown className={`size-3.5 transition-transform ${collapsed ? '-rotate-90' : ''}`} aria-hidden /> {title}
        </button>
        {action}
      </div>
      {!collapsed && children}
    </section>
  );
}

function EmptyHint({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" onClick={onClick} className="rounded-md px-2.5 py-1 text-left text-sm text-muted hover:bg-surface-2 hover:text-foreground">
      {children}
    </button>
  );
}

/** Desktop notifications for mentions and DMs; permission is asked only from this button. */
function NotificationPrompt() {
  const { permission, request } = useNotificationPermission();
  if (permission !== 'default') return null;
  return (
    <button
      type="button"
      onClick={request}
      className="flex items-center gap-2 rounded-md border border-dashed px-2.5 py-1.5 text-left text-xs text-muted hover:border-input hover:text-foreground"
    >
      <BellRing className="size-3.5 shrink-0" aria-hidden /> Get notified of mentions and direct messages
    </button>
  );
}
