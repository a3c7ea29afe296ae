import { useState, type FormEvent } from 'react';
import { isApiError } from '../../lib/api';
import { formLevelError } from '../../lib/form-errors';
import { FormError } from '../../ui/alert';
import { Button } from '../../ui/button';
import { DialogClose, DialogFooter } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { PasswordInput } from '../../ui/password-input';

interface PasswordPromptProps {
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (password: string) => void;
  tone?: 'primary' | 'danger';
}

/** "Confirm with your password" form used by the 2FA dialogs. */
export function PasswordPrompt({ submitLabel, pending, error, onSubmit, tone = 'primary' }: PasswordPromptProps) {
  const [password, setPassword] = useState('');
  const [clientError, setClientError] = useState<string>();
  const wrongPassword = isApiError(error, 'INVALID_PASSWORD');

  function submit(e: FormEvent) {
    e.preventDefault();
    setClientError(password ? undefined : 'Enter your password');
    if (password) onSubmit(password);
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      {!wrongPassword && <FormError message={formLevelError(error, [])} />}
      <Field label="Password" error={clientError ?? (wrongPassword ? 'That password is not correct' : undefined)}>
        {(p) => <PasswordInput {...p} autoFocus autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" variant={tone} loading={pending}>{submitLabel}</Button>
      </DialogFooter>
    </form>
  );
}
