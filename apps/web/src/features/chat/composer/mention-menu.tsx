import { AtSign } from 'lucide-react';
import { cn } from '../../../lib/cn';
import { Avatar } from '../../../ui/avatar';
import type { MentionOption } from './mention-options';

interface MentionMenuProps {
  id: string;
  options: MentionOption[];
  activeIndex: number;
  onHover: (index: number) => void;
  onChoose: (option: MentionOption) => void;
}

export const mentionOptionId = (menuId: string, index: number) => `${menuId}-${index}`;

/** The listbox under the composer; the textarea keeps focus and points at the active option. */
export function MentionMenu({ id, options, activeIndex, onHover, onChoose }: MentionMenuProps) {
  if (options.length === 0) return null;
  return (
    <ul
      id={id}
      role="listbox"
      aria-label="People to mention"
      className="absolute bottom-full left-5 z-20 mb-2 w-96 max-w-[calc(100%-2.5rem)] overflow-hidden rounded-lg border bg-surface p-1 shadow-lg"
    >
      {options.map((option, i) => (
        <li
          key={option.key}
          id={mentionOptionId(id, i)}
          role="option"
          aria-selected={i === activeIndex}
          onMouseEnter={() => onHover(i)}
          // mousedown, not click: the textarea must not lose focus first.
          onMouseDown={(e) => {
            e.preventDefault();
            onChoose(option);
          }}
          className={cn('flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm', i === activeIndex && 'bg-accent text-accent-foreground')}
        >
          {option.key === 'channel' || option.key === 'here' ? (
            <span className="inline-flex size-6 items-center justify-center rounded-full bg-surface-2" aria-hidden>
              <AtSign className="size-3.5" />
            </span>
          ) : (
            <Avatar name={option.label} className="size-6 text-[10px]" />
          )}
          <span className="max-w-[60%] shrink-0 truncate font-medium">{option.label}</span>
          <span className="min-w-0 flex-1 truncate text-right text-xs text-muted">{option.detail}</span>
        </li>
      ))}
    </ul>
  );
}
