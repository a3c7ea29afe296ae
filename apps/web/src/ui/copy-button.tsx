import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from './button';
import { toast } from './toast';

interface CopyButtonProps {
  value: string;
  /** Accessible name, e.g. "Copy invite link". */
  label: string;
  size?: 'sm' | 'icon';
  variant?: 'secondary' | 'ghost';
}

export function CopyButton({ value, label, size = 'sm', variant = 'secondary' }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(t);
  }, [copied]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // Clipboard needs a secure context (https or localhost); say so instead of failing silently.
      toast('Could not copy automatically — select the text and copy it.', 'error');
    }
  }

  const Icon = copied ? Check : Copy;
  return (
    <Button variant={variant} size={size} onClick={copy} aria-label={size === 'icon' ? label : undefined}>
      <Icon aria-hidden />
      {size !== 'icon' && (copied ? 'Copied' : label)}
      <span className="sr-only" aria-live="polite">{copied ? 'Copied to clipboard' : ''}</span>
    </Button>
  );
}

/** A read-only secret/URL box with a copy button beside it. */
export function CopyField({ value, label, id, iconOnly }: { value: string; label: string; id?: string; iconOnly?: boolean }) {
  return (
    <div className="flex items-center gap-2">
      <input
        id={id}
        readOnly
        value={value}
        aria-label={id ? undefined : label}
        onFocus={(e) => e.currentTarget.select()}
        className="h-9 min-w-0 flex-1 rounded-md border border-input bg-surface-2 px-3 font-mono text-[13px] text-foreground"
      />
      <CopyButton value={value} label={label} size={iconOnly ? 'icon' : 'sm'} />
    </div>
  );
}
