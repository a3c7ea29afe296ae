import type { Message } from '@aio/contracts';
import { Bookmark, BookmarkCheck, Link2, MessageSquareText, MoreHorizontal, Pencil, Pin, PinOff, Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { cn } from '../../../lib/cn';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from '../../../ui/dropdown-menu';
import { toast } from '../../../ui/toast';
import { Tooltip } from '../../../ui/tooltip';
import { useChat } from '../chat-context';
import { startEditing } from '../editing-store';
import { EmojiPicker } from '../emoji/emoji-picker';
import { iconButtonClass } from '../ui-classes';

interface MessageToolbarProps {
  message: Message;
  /** In the thread panel there is no "reply in thread" (you are in it). */
  inThread: boolean;
  /** While a menu or dialog of the bar is open the row keeps it, though the pointer has left. */
  onMenuOpenChange: (open: boolean) => void;
}

/** Hover (and keyboard focus) actions of a message. */
export function MessageToolbar({ message, inThread, onMenuOpenChange }: MessageToolbarProps) {
  const { me, actions, openThread, messageLink } = useChat();
  const [menuOpen, setMenuOpen] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const mine = message.author.type === 'member' && message.author.id === me.id;
  useEffect(() => onMenuOpenChange(menuOpen || confirmDelete), [menuOpen, confirmDelete, onMenuOpenChange]);

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(messageLink(message));
      toast('Link copied');
    } catch {
      toast('Could not copy the link', 'error');
    }
  }

  return (
    <div
      role="toolbar"
      aria-label="Message actions"
      className="absolute -top-4 right-4 z-10 flex items-center gap-0.5 rounded-lg border bg-surface p-0.5 shadow-sm"
    >
      <EmojiPicker onPick={(emoji) => actions.react(message, emoji)} onOpenChange={setMenuOpen} />
      {!inThread && (
        <Tooltip content="Reply in thread">
          <button type="button" aria-label="Reply in thread" className={iconButtonClass} onClick={() => openThread(message)}>
            <MessageSquareText aria-hidden />
          </button>
        </Tooltip>
      )}
      <Tooltip content={message.bookmarked ? 'Remove from saved' : 'Save for later'}>
        <button
          type="button"
          aria-label={message.bookmarked ? 'Remove from saved' : 'Save for later'}
          aria-pressed={message.bookmarked}
          className={cn(iconButtonClass, message.bookmarked && 'text-primary')}
          onClick={() => actions.setBookmarked(message, !message.bookmarked)}
        >
          {message.bookmarked ? <BookmarkCheck aria-hidden /> : <Bookmark aria-hidden />}
        </button>
      </Tooltip>
      <DropdownMenu onOpenChange={setMenuOpen}>
        <DropdownMenuTrigger aria-label="More actions" className={iconButtonClass}>
          <MoreHorizontal aria-hidden />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="min-w-44">
          <DropdownMenuItem onSelect={() => actions.setPinned(message, !message.pinned)}>
            {message.pinned ? <PinOff aria-hidden /> : <Pin aria-hidden />} {message.pinned ? 'Unpin' : 'Pin to channel'}
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={copyLink}>
            <Link2 aria-hidden /> Copy link
          </DropdownMenuItem>
          {mine && (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem onSelect={() => startEditing(message.id)}>
                <Pencil aria-hidden /> Edit message
              </DropdownMenuItem>
              <DropdownMenuItem className="text-danger [&_svg]:!text-danger" onSelect={() => setConfirmDelete(true)}>
                <Trash2 aria-hidden /> Delete message
              </DropdownMenuItem>
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title="Delete message?"
        description="The message will be removed for everyone. This can't be undone."
        confirmLabel="Delete"
        onConfirm={() => actions.remove(message)}
      />
    </div>
  );
}
