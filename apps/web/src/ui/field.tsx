import { useId, type ReactNode } from 'react';
import { cn } from '../lib/cn';

/** Props a Field hands to its control so label, hint and error are announced. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

interface FieldProps {
  label: ReactNode;
  /** Shown below the control while there is no error. */
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  /** Extra element on the label row (e.g. a "Forgot password?" link). */
  aside?: ReactNode;
  children: (control: FieldControlProps) => ReactNode;
}

export function Field({ label, hint, error, className, aside, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  // The error replaces the hint, so only the element actually shown is referenced.
  const describedBy = error ? errorId : hint ? hintId : undefined;
  return (
    <div className={cn('grid content-start gap-1.5', className)}>
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium text-foreground">
          {label}
        </label>
        {aside}
      </div>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {error ? (
        <p id={errorId} role="alert" className="text-[13px] text-danger">
          {error}
        </p>
      ) : (
        hint && <p id={hintId} className="text-[13px] text-muted">{hint}</p>
      )}
    </div>
  );
}
