import { Link, getRouteApi } from '@tanstack/react-router';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { isApiError } from '../../lib/api';
import { formLevelError, hasErrors, mergeErrors, serverFieldErrors, type FieldErrors } from '../../lib/form-errors';
import { Alert, FormError } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/checkbox';
import { Field } from '../../ui/field';
import { Input } from '../../ui/input';
import { PasswordInput } from '../../ui/password-input';
import { AuthLayout, inlineLinkClass } from './auth-layout';
import { authClient } from './auth-client';
import { TwoFactorStep } from './two-factor-step';
import { useFinishSignIn } from './use-finish-sign-in';

const route = getRouteApi('/sign-in');
const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const search = route.useSearch();
  const [step, setStep] = useState<'password' | 'two-factor'>('password');
  const finish = useFinishSignIn(search.redirect);

  if (step === 'two-factor') {
    return (
      <AuthLayout title="Two-factor authentication" description="Enter the 6-digit code from your authenticator app.">
        <TwoFactorStep onVerified={finish} onCancel={() => setStep('password')} />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout
      title="Sign in to AIO Chat"
      description="Welcome back. Enter your details to continue."
      footer={
        <>
          New here?{' '}
          <Link to="/sign-up" search={search} className={inlineLinkClass}>
            Create an account
          </Link>
        </>
      }
    >
      <PasswordStep initialEmail={search.email} redirect={search.redirect} onTwoFactor={() => setStep('two-factor')} onSignedIn={finish} />
    </AuthLayout>
  );
}

interface PasswordStepProps {
  initialEmail?: string;
  redirect?: string;
  onTwoFactor: () => void;
  onSignedIn: () => Promise<void>;
}

function PasswordStep({ initialEmail, redirect, onTwoFactor, onSignedIn }: PasswordStepProps) {
  const [email, setEmail] = useState(initialEmail ?? '');
  const [password, setPassword] = useState('');
  const [rememberMe, setRememberMe] = useState(true);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const signIn = useMutation({
    mutationFn: authClient.signIn,
    onSuccess: async (result) => (result?.twoFactorRedirect ? onTwoFactor() : onSignedIn()),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = 'Enter your e-mail address';
    if (!password) errors.password = 'Enter your password';
    setClientErrors(errors);
    if (!hasErrors(errors)) signIn.mutate({ email: email.trim(), password, rememberMe });
  }

  const errors = mergeErrors(serverFieldErrors(signIn.error), clientErrors);
  const notVerified = isApiError(signIn.error, 'EMAIL_NOT_VERIFIED');
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      {notVerified ? (
        <Alert tone="warning" role="alert" title="Verify your e-mail first">
          We sent a link to {email.trim()}.{' '}
          <Link to="/verify-email" search={{ email: email.trim(), redirect }} className={inlineLinkClass}>
            Resend the verification e-mail
          </Link>
        </Alert>
      ) : (
        <FormError message={formLevelError(signIn.error, FIELDS)} />
      )}
      <Field label="E-mail" error={errors.email}>
        {(p) => <Input {...p} type="email" autoComplete="email" autoFocus={!initialEmail} value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Field
        label="Password"
        error={errors.password}
        aside={
          <Link to="/forgot-password" search={{ email: email.trim() || undefined }} className="text-[13px] text-muted hover:text-foreground hover:underline">
            Forgot password?
          </Link>
        }
      >
        {(p) => (
          <PasswordInput {...p} autoComplete="current-password" autoFocus={!!initialEmail} value={password} onChange={(e) => setPassword(e.target.value)} />
        )}
      </Field>
      <Checkbox label="Keep me signed in" checked={rememberMe} onChange={(e) => setRememberMe(e.target.checked)} />
      <Button type="submit" size="lg" loading={signIn.isPending} className="mt-1 w-full">
        Sign in
      </Button>
    </form>
  );
}
