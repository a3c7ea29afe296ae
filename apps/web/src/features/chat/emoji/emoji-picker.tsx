import { SmilePlus } from 'lucide-react';
import { useId, useState, type ReactNode } from 'react';
import { Popover, PopoverContent, PopoverTrigger } from '../../../ui/popover';
import { iconButtonClass } from '../ui-classes';
import { searchEmoji } from './emoji-data';

const CUSTOM_NAME = /^[a-z0-9_+-]{1,60}$/;

/** Grid of the built-in emoji with a filter; a `:name:` not in the set can still be used as typed. */
export function EmojiGrid({ onPick }: { onPick: (emoji: string) => void }) {
  const [query, setQuery] = useState('');
  const inputId = useId();
  const matches = searchEmoji(query);
  const name = query.trim().toLowerCase().replace(/^:|:$/g, '');
  const custom = name && CUSTOM_NAME.test(name) && matches.length === 0 ? `:${name}:` : null;
  const pickFirst = () => {
    const first = matches[0]?.[1] ?? custom;
    if (first) onPick(first);
  };
  return (
    <div className="grid w-72 gap-2">
      <label htmlFor={inputId} className="sr-only">Search emoji</label>
      <input
        id={inputId}
        autoFocus
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), pickFirst())}
        placeholder="Search emoji, e.g. :tada:"
        className="h-8 rounded-md border border-input bg-surface px-2 text-sm focus-visible:ring-2 focus-visible:ring-ring/60 focus-visible:outline-none"
      />
      <div role="group" aria-label="Emoji" className="grid max-h-52 grid-cols-8 gap-0.5 overflow-y-auto">
        {matches.map(([shortName, emoji]) => (
          <button
            key={shortName}
            type="button"
            title={`:${shortName}:`}
            aria-label={`:${shortName}:`}
            onClick={() => onPick(emoji)}
            className="flex size-8 items-center justify-center rounded-md text-lg hover:bg-surface-2 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
          >
            {emoji}
          </button>
        ))}
      </div>
      {custom && (
        <button type="button" onClick={() => onPick(custom)} className="rounded-md px-2 py-1.5 text-left text-sm hover:bg-surface-2">
          React with <span className="font-mono">{custom}</span>
        </button>
      )}
      {matches.length === 0 && !custom && <p className="px-1 text-xs text-muted">No emoji match.</p>}
    </div>
  );
}

interface EmojiPickerProps {
  onPick: (emoji: string) => void;
  label?: string;
  /** The trigger; defaults to a small smiley button. */
  children?: ReactNode;
  onOpenChange?: (open: boolean) => void;
}

export function EmojiPicker({ onPick, label = 'Add reaction', children, onOpenChange }: EmojiPickerProps) {
  const [open, setOpen] = useState(false);
  const change = (next: boolean) => {
    setOpen(next);
    onOpenChange?.(next);
  };
  return (
    <Popover open={open} onOpenChange={change}>
      <PopoverTrigger asChild>
        {children ?? (
          <button type="button" aria-label={label} title={label} className={iconButtonClass}>
            <SmilePlus aria-hidden />
          </button>
        )}
      </PopoverTrigger>
      <PopoverContent align="end">
        <EmojiGrid
          onPick={(emoji) => {
            onPick(emoji);
            change(false);
          }}
        />
      </PopoverContent>
    </Popover>
  );
}
