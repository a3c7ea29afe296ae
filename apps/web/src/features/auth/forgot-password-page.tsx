import { Link, getRouteApi } from '@tanstack/react-router';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { formLevelError, serverFieldErrors } from '../../lib/form-errors';
import { Alert, FormError } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Input } from '../../ui/input';
import { AuthLayout, inlineLinkClass } from './auth-layout';
import { authClient } from './auth-client';

const route = getRouteApi('/forgot-password');

export function ForgotPasswordPage() {
  const search = route.useSearch();
  const [email, setEmail] = useState(search.email ?? '');
  const [clientError, setClientError] = useState<string>();
  const request = useMutation({ mutationFn: authClient.requestPasswordReset });

  function submit(e: FormEvent) {
    e.preventDefault();
    setClientError(email.trim() ? undefined : 'Enter your e-mail address');
    if (email.trim()) request.mutate(email.trim());
  }

  return (
    <AuthLayout
      title="Reset your password"
      description="Enter the e-mail you signed up with and we'll send you a reset link."
      footer={
        <Link to="/sign-in" search={{ email: email.trim() || undefined }} className={inlineLinkClass}>
          Back to sign in
        </Link>
      }
    >
      {request.isSuccess ? (
        // Same answer whether or not the account exists, so addresses cannot be probed.
        <Alert tone="success" role="status" title="Check your inbox">
          If an account exists for {email.trim()}, a link to reset the password is on its way.
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate className="grid gap-4">
          <FormError message={formLevelError(request.error, ['email'])} />
          <Field label="E-mail" error={clientError ?? serverFieldErrors(request.error).email}>
            {(p) => <Input {...p} type="email" autoComplete="email" autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <Button type="submit" size="lg" className="w-full" loading={request.isPending}>
            Send reset link
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
