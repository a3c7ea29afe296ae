import { cva, type VariantProps } from 'class-variance-authority';
import { AlertTriangle, CheckCircle2, Info, XCircle } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '../lib/cn';

const alertVariants = cva('flex gap-3 rounded-lg border px-3.5 py-3 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0', {
  variants: {
    tone: {
      info: 'border-border bg-surface-2 text-foreground [&>svg]:text-muted',
      success: 'border-success/30 bg-success-soft text-foreground [&>svg]:text-success',
      warning: 'border-warning/40 bg-warning-soft text-foreground [&>svg]:text-warning',
      danger: 'border-danger/30 bg-danger-soft text-foreground [&>svg]:text-danger',
    },
  },
  defaultVariants: { tone: 'info' },
});

const icons = { info: Info, success: CheckCircle2, warning: AlertTriangle, danger: XCircle };

type AlertProps = VariantProps<typeof alertVariants> & {
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  /** `alert` interrupts screen readers: use it for errors that just appeared. */
  role?: 'alert' | 'status';
};

export function Alert({ tone, title, children, className, role }: AlertProps) {
  const Icon = icons[tone ?? 'info'];
  return (
    <div role={role} className={cn(alertVariants({ tone }), className)}>
      <Icon aria-hidden />
      <div className="grid min-w-0 gap-1">
        {title && <p className="font-medium">{title}</p>}
        {children && <div className="text-foreground/85">{children}</div>}
      </div>
    </div>
  );
}

/** The form-level error (not tied to one field); renders nothing when null. */
export function FormError({ message, className }: { message: string | null | undefined; className?: string }) {
  if (!message) return null;
  return (
    <Alert tone="danger" role="alert" className={className}>
      {message}
    </Alert>
  );
}
