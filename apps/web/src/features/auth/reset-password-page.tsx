import { Link, getRouteApi } from '@tanstack/react-router';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../lib/api';
import { formLevelError, hasErrors, mergeErrors, serverFieldErrors, type FieldErrors } from '../../lib/form-errors';
import { Alert, FormError } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { PasswordInput } from '../../ui/password-input';
import { AuthLayout, inlineLinkClass } from './auth-layout';
import { PASSWORD_MIN, authClient, passwordError } from './auth-client';

const route = getRouteApi('/reset-password');

export function ResetPasswordPage() {
  const { token, error } = route.useSearch();
  if (!token || error) {
    return (
      <AuthLayout title="Link invalid or expired" description="This password reset link cannot be used any more.">
        <Button asChild size="lg" className="w-full">
          <Link to="/forgot-password" search={{}}>Request a new link</Link>
        </Button>
      </AuthLayout>
    );
  }
  return <ResetForm token={token} />;
}

function ResetForm({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const reset = useMutation({ mutationFn: authClient.resetPassword });

  function submit(e: FormEvent) {
    e.preventDefault();
    const errors: FieldErrors = {
      newPassword: passwordError(password),
      confirm: confirm !== password ? 'The passwords do not match' : undefined,
    };
    setClientErrors(errors);
    if (!hasErrors(errors)) reset.mutate({ newPassword: password, token });
  }

  if (reset.isSuccess) {
    return (
      <AuthLayout title="Password updated" description="You can now sign in with your new password.">
        <Button asChild size="lg" className="w-full">
          <Link to="/sign-in" search={{}}>Sign in</Link>
        </Button>
      </AuthLayout>
    );
  }
  const errors = mergeErrors(serverFieldErrors(reset.error), clientErrors);
  return (
    <AuthLayout
      title="Choose a new password"
      footer={<Link to="/sign-in" search={{}} className={inlineLinkClass}>Back to sign in</Link>}
    >
      <form onSubmit={submit} noValidate className="grid gap-4">
        {isApiError(reset.error, 'INVALID_TOKEN') ? (
          <Alert tone="danger" role="alert">
            This link has expired. <Link to="/forgot-password" search={{}} className={inlineLinkClass}>Request a new one</Link>.
          </Alert>
        ) : (
          <FormError message={formLevelError(reset.error, ['newPassword'])} />
        )}
        <Field label="New password" hint={`At least ${PASSWORD_MIN} characters.`} error={errors.newPassword}>
          {(p) => <PasswordInput {...p} autoComplete="new-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <Field label="Confirm new password" error={errors.confirm}>
          {(p) => <PasswordInput {...p} autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />}
        </Field>
        <Button type="submit" size="lg" className="w-full" loading={reset.isPending}>
          Update password
        </Button>
      </form>
    </AuthLayout>
  );
}
