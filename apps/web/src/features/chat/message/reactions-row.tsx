import type { Message, Reaction } from '@aio/contracts';
import { SmilePlus } from 'lucide-react';
import { cn } from '../../../lib/cn';
import { Tooltip } from '../../../ui/tooltip';
import { useChat } from '../chat-context';
import { emojiFor } from '../emoji/emoji-data';
import { EmojiPicker } from '../emoji/emoji-picker';
import { listNames } from '../format';

/** Reaction chips: click toggles mine; hover (or a screen reader) says who reacted. */
export function ReactionsRow({ message }: { message: Message }) {
  const { actions } = useChat();
  if (message.reactions.length === 0) return null;
  return (
    <div className="mt-1 flex flex-wrap items-center gap-1" role="group" aria-label="Reactions">
      {message.reactions.map((r) => (
        <ReactionChip key={r.emoji} reaction={r} onToggle={() => actions.react(message, r.emoji)} />
      ))}
      <EmojiPicker onPick={(emoji) => actions.react(message, emoji)}>
        <button
          type="button"
          aria-label="Add reaction"
          className="inline-flex h-6 items-center rounded-full border border-transparent px-1.5 text-muted hover:border-border hover:bg-surface-2 hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none [&_svg]:size-3.5"
        >
          <SmilePlus aria-hidden />
        </button>
      </EmojiPicker>
    </div>
  );
}

function ReactionChip({ reaction, onToggle }: { reaction: Reaction; onToggle: () => void }) {
  const { me, memberName } = useChat();
  const mine = reaction.userIds.includes(me.id);
  const names = listNames(reaction.userIds.map((id) => (id === me.id ? 'You' : memberName(id))), 12);
  const emoji = emojiFor(reaction.emoji);
  const description = `${names} reacted with ${reaction.emoji}`;
  return (
    <Tooltip content={description}>
      <button
        type="button"
        aria-pressed={mine}
        aria-label={`${emoji} ${reaction.count}. ${description}`}
        onClick={onToggle}
        className={cn(
          'inline-flex h-6 items-center gap-1 rounded-full border px-2 text-xs font-medium tabular-nums transition-colors',
          'focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none',
          mine ? 'border-primary/50 bg-accent text-accent-foreground' : 'border-border bg-surface-2 text-muted hover:border-input hover:text-foreground',
        )}
      >
        <span className="text-sm leading-none">{emoji}</span>
        {reaction.count}
      </button>
    </Tooltip>
  );
}
