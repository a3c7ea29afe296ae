import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../lib/api';
import { formLevelError, hasErrors, mergeErrors, serverFieldErrors, type FieldErrors } from '../../lib/form-errors';
import { FormError } from '../../ui/alert';
import { Button } from '../../ui/button';
import { SectionCard } from '../../ui/card';
import { Checkbox } from '../../ui/checkbox';
import { Field } from '../../ui/field';
import { PasswordInput } from '../../ui/password-input';
import { toast } from '../../ui/toast';
import { PASSWORD_MIN, authClient, passwordError } from '../auth/auth-client';

const FIELDS = ['currentPassword', 'newPassword'];

export function PasswordSection() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [revokeOthers, setRevokeOthers] = useState(true);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const change = useMutation({ mutationFn: authClient.changePassword });

  function submit(e: FormEvent) {
    e.preventDefault();
    const errors: FieldErrors = {
      currentPassword: current ? undefined : 'Enter your current password',
      newPassword: passwordError(next),
      confirm: confirm === next ? undefined : 'The passwords do not match',
    };
    setClientErrors(errors);
    if (hasErrors(errors)) return;
    change.mutate(
      { currentPassword: current, newPassword: next, revokeOtherSessions: revokeOthers },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
          toast(revokeOthers ? 'Password changed; other devices were signed out' : 'Password changed');
        },
      },
    );
  }

  // better-auth reports a wrong current password as INVALID_PASSWORD: show it on that field.
  const wrongCurrent = isApiError(change.error, 'INVALID_PASSWORD') ? { currentPassword: 'That password is not correct' } : {};
  const errors = mergeErrors(serverFieldErrors(change.error), wrongCurrent, clientErrors);
  return (
    <form onSubmit={submit} noValidate>
      <SectionCard
        title="Password"
        description="Change the password you sign in with."
        footer={<Button type="submit" loading={change.isPending}>Change password</Button>}
      >
        <div className="grid gap-5">
          {!wrongCurrent.currentPassword && <FormError message={formLevelError(change.error, FIELDS)} />}
          <Field label="Current password" error={errors.currentPassword} className="sm:max-w-[calc(50%-0.625rem)]">
            {(p) => <PasswordInput {...p} autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />}
          </Field>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field label="New password" hint={`At least ${PASSWORD_MIN} characters.`} error={errors.newPassword}>
              {(p) => <PasswordInput {...p} autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />}
            </Field>
            <Field label="Confirm new password" error={errors.confirm}>
              {(p) => <PasswordInput {...p} autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />}
            </Field>
          </div>
          <Checkbox label="Sign out of all other devices" checked={revokeOthers} onChange={(e) => setRevokeOthers(e.target.checked)} />
        </div>
      </SectionCard>
    </form>
  );
}
