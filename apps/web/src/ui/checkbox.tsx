import { useId, type ComponentProps, type ReactNode } from 'react';
import { cn } from '../lib/cn';

type CheckboxProps = Omit<ComponentProps<'input'>, 'type'> & { label: ReactNode; hint?: ReactNode };

/** A native checkbox with its label (and optional hint) wired up. */
export function Checkbox({ label, hint, className, id, ...props }: CheckboxProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  return (
    <div className={cn('flex items-start gap-2.5', className)}>
      <input
        id={inputId}
        type="checkbox"
        aria-describedby={hintId}
        className="mt-0.5 size-4 shrink-0 rounded border-input accent-primary focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        {...props}
      />
      <div className="grid gap-0.5">
        <label htmlFor={inputId} className="text-sm leading-5 text-foreground select-none">
          {label}
        </label>
        {hint && <p id={hintId} className="text-xs text-muted">{hint}</p>}
      </div>
    </div>
  );
}
