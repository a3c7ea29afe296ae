import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { formLevelError } from '../../lib/form-errors';
import { FormError } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/checkbox';
import { Field } from '../../ui/field';
import { Input } from '../../ui/input';
import { authClient } from './auth-client';

interface TwoFactorStepProps {
  onVerified: () => Promise<void>;
  onCancel: () => void;
}

/** Second sign-in step: a TOTP code, or one of the backup codes. */
export function TwoFactorStep({ onVerified, onCancel }: TwoFactorStepProps) {
  const [mode, setMode] = useState<'totp' | 'backup'>('totp');
  const [code, setCode] = useState('');
  const [trustDevice, setTrustDevice] = useState(false);
  const [clientError, setClientError] = useState<string>();
  const verify = useMutation({
    mutationFn: () =>
      mode === 'totp'
        ? authClient.verifyTotp({ code: code.replace(/\s/g, ''), trustDevice })
        : authClient.verifyBackupCode({ code: code.trim() }),
    onSuccess: onVerified,
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const normalized = code.replace(/\s/g, '');
    const invalid = mode === 'totp' ? !/^\d{6}$/.test(normalized) : normalized.length < 4;
    setClientError(invalid ? (mode === 'totp' ? 'Enter the 6-digit code' : 'Enter one of your backup codes') : undefined);
    if (!invalid) verify.mutate();
  }

  function switchMode() {
    setMode((m) => (m === 'totp' ? 'backup' : 'totp'));
    setCode('');
    setClientError(undefined);
    verify.reset();
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <FormError message={formLevelError(verify.error, [])} />
      {mode === 'totp' ? (
        <Field label="Authentication code" error={clientError}>
          {(p) => (
            <Input
              {...p}
              key="totp"
              autoFocus
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              placeholder="123456"
              className="text-center font-mono text-lg tracking-[0.4em]"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
      ) : (
        <Field label="Backup code" hint="Each backup code works once." error={clientError}>
          {(p) => <Input {...p} key="backup" autoFocus autoComplete="off" spellCheck={false} className="font-mono" value={code} onChange={(e) => setCode(e.target.value)} />}
        </Field>
      )}
      {mode === 'totp' && (
        <Checkbox
          label="Trust this device"
          hint="You won't be asked for a code on this browser for a while."
          checked={trustDevice}
          onChange={(e) => setTrustDevice(e.target.checked)}
        />
      )}
      <Button type="submit" size="lg" loading={verify.isPending} className="w-full">
        Verify
      </Button>
      <div className="flex items-center justify-between text-sm">
        <Button variant="link" size="sm" onClick={switchMode}>
          {mode === 'totp' ? 'Use a backup code' : 'Use your authenticator app'}
        </Button>
        <Button variant="link" size="sm" className="text-muted" onClick={onCancel}>
          Back to sign in
        </Button>
      </div>
    </form>
  );
}
