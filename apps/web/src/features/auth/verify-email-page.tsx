import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useMutation } from '@tanstack/react-query';
import { CheckCircle2, MailCheck, MailX } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { formLevelError } from '../../lib/form-errors';
import { Alert, FormError } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Input } from '../../ui/input';
import { AuthLayout, inlineLinkClass } from './auth-layout';
import { authClient } from './auth-client';
import { useSession } from './session';

const route = getRouteApi('/verify-email');
/** Resends are rate-limited server-side; the cooldown avoids pointless 429s. */
const RESEND_COOLDOWN_S = 30;

export function VerifyEmailPage() {
  const search = route.useSearch();
  const { data: session } = useSession();
  const navigate = useNavigate();
  const user = session?.user;

  if (user?.emailVerified) {
    return (
      <AuthLayout icon={<CheckCircle2 className="text-success" />} title="E-mail verified" description={`${user.email} is confirmed. You're all set.`}>
        {/* navigate({ href }) because the redirect may carry its own query string. */}
        <Button size="lg" className="w-full" onClick={() => navigate({ href: search.redirect ?? '/' })}>
          Continue
        </Button>
      </AuthLayout>
    );
  }

  const email = user?.email ?? search.email;
  return (
    <AuthLayout
      icon={search.error ? <MailX className="text-danger" /> : <MailCheck className="text-primary" />}
      title={search.error ? 'Link invalid or expired' : 'Check your inbox'}
      description={
        search.error
          ? 'That verification link cannot be used any more. Ask for a new one below.'
          : email
            ? <>We sent a verification link to <strong className="font-medium text-foreground">{email}</strong>. Open it to activate your account.</>
            : 'We sent you a verification link. Open it to activate your account.'
      }
      footer={
        <Link to="/sign-in" search={{ redirect: search.redirect, email }} className={inlineLinkClass}>
          Back to sign in
        </Link>
      }
    >
      <ResendForm knownEmail={email} redirect={search.redirect} />
    </AuthLayout>
  );
}

function ResendForm({ knownEmail, redirect }: { knownEmail?: string; redirect?: string }) {
  const [email, setEmail] = useState(knownEmail ?? '');
  const [cooldown, setCooldown] = useState(0);
  const [clientError, setClientError] = useState<string>();
  const resend = useMutation({
    mutationFn: () => authClient.sendVerificationEmail({ email: email.trim(), callbackURL: redirect ?? '/' }),
    onSuccess: () => setCooldown(RESEND_COOLDOWN_S),
  });
  useEffect(() => {
    if (cooldown <= 0) return;
    const t = setTimeout(() => setCooldown((c) => c - 1), 1000);
    return () => clearTimeout(t);
  }, [cooldown]);

  function submit(e: FormEvent) {
    e.preventDefault();
    setClientError(email.trim() ? undefined : 'Enter your e-mail address');
    if (email.trim()) resend.mutate();
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      {resend.isSuccess && (
        <Alert tone="success" role="status">
          A new link is on its way. It can take a minute to arrive — check your spam folder too.
        </Alert>
      )}
      <FormError message={formLevelError(resend.error, [])} />
      {!knownEmail && (
        <Field label="E-mail" error={clientError}>
          {(p) => <Input {...p} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
      )}
      <Button type="submit" variant="secondary" size="lg" className="w-full" loading={resend.isPending} disabled={cooldown > 0}>
        {cooldown > 0 ? `Resend available in ${cooldown}s` : 'Resend verification e-mail'}
      </Button>
    </form>
  );
}
