import { Monitor, Moon, Sun } from 'lucide-react';
import { setThemePreference, useThemePreference, type ThemePreference } from '../../lib/theme';
import { cn } from '../../lib/cn';

const options: { value: ThemePreference; label: string; Icon: typeof Sun }[] = [
  { value: 'light', label: 'Light', Icon: Sun },
  { value: 'dark', label: 'Dark', Icon: Moon },
  { value: 'system', label: 'System', Icon: Monitor },
];

/** Segmented light / dark / system control (a radio group for assistive tech). */
export function ThemeToggle({ className }: { className?: string }) {
  const current = useThemePreference();
  return (
    <div role="radiogroup" aria-label="Theme" className={cn('inline-flex rounded-lg border bg-surface-2 p-0.5', className)}>
      {options.map(({ value, label, Icon }) => {
        const checked = current === value;
        return (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={label}
            title={label}
            tabIndex={checked ? 0 : -1}
            onClick={() => setThemePreference(value)}
            onKeyDown={(e) => moveFocus(e, value)}
            className={cn(
              'inline-flex size-7 items-center justify-center rounded-md text-muted transition-colors hover:text-foreground',
              'focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none',
              checked && 'bg-surface text-foreground shadow-xs',
            )}
          >
            <Icon className="size-3.5" aria-hidden />
          </button>
        );
      })}
    </div>
  );
}

/** Arrow keys move and select within the radio group, as the ARIA pattern expects. */
function moveFocus(e: React.KeyboardEvent<HTMLButtonElement>, value: ThemePreference) {
  const step = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
  if (!step) return;
  e.preventDefault();
  const index = options.findIndex((o) => o.value === value);
  const next = options[(index + step + options.length) % options.length]!;
  setThemePreference(next.value);
  const buttons = e.currentTarget.parentElement?.querySelectorAll<HTMLButtonElement>('button');
  buttons?.[options.indexOf(next)]?.focus();
}
