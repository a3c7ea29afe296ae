import { Bold, Code, Eye, EyeOff, Italic, SendHorizontal, Smile, Strikethrough } from 'lucide-react';
import { cn } from '../../../lib/cn';
import { Tooltip } from '../../../ui/tooltip';
import { EmojiPicker } from '../emoji/emoji-picker';
import { iconButtonClass } from '../ui-classes';

const FORMATS = [
  { label: 'Bold', marker: '**', Icon: Bold },
  { label: 'Italic', marker: '_', Icon: Italic },
  { label: 'Strikethrough', marker: '~~', Icon: Strikethrough },
  { label: 'Code', marker: '`', Icon: Code },
] as const;

interface ComposerToolbarProps {
  preview: boolean;
  onTogglePreview: () => void;
  onFormat: (marker: string) => void;
  onEmoji: (emoji: string) => void;
  canSend: boolean;
  onSend: () => void;
  /** Extra controls (the thread's "also send to channel"). */
  children?: React.ReactNode;
}

export function ComposerToolbar({ preview, onTogglePreview, onFormat, onEmoji, canSend, onSend, children }: ComposerToolbarProps) {
  return (
    <div className="flex items-center gap-0.5 px-1.5 pb-1.5">
      {FORMATS.map(({ label, marker, Icon }) => (
        <Tooltip key={label} content={label}>
          <button type="button" aria-label={label} className={iconButtonClass} disabled={preview} onClick={() => onFormat(marker)}>
            <Icon aria-hidden />
          </button>
        </Tooltip>
      ))}
      <EmojiPicker onPick={onEmoji} label="Insert emoji">
        <button type="button" aria-label="Insert emoji" className={iconButtonClass} disabled={preview}>
          <Smile aria-hidden />
        </button>
      </EmojiPicker>
      <Tooltip content={preview ? 'Back to editing' : 'Preview formatting'}>
        <button type="button" aria-label="Preview" aria-pressed={preview} className={cn(iconButtonClass, preview && 'bg-accent text-accent-foreground')} onClick={onTogglePreview}>
          {preview ? <EyeOff aria-hidden /> : <Eye aria-hidden />}
        </button>
      </Tooltip>
      {children}
      <button
        type="button"
        aria-label="Send message"
        disabled={!canSend}
        onClick={onSend}
        className="ml-auto inline-flex h-7 items-center justify-center rounded-md bg-primary px-2.5 text-primary-foreground transition-colors hover:bg-primary-hover focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-1 focus-visible:outline-none disabled:bg-surface-2 disabled:text-muted [&_svg]:size-4"
      >
        <SendHorizontal aria-hidden />
      </button>
    </div>
  );
}
