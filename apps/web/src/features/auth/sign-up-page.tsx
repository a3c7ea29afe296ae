import { DisplayName, Email } from '@aio/contracts';
import { useMutation } from '@tanstack/react-query';
import { Link, getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { formLevelError, hasErrors, mergeErrors, serverFieldErrors, validate, type FieldErrors } from '../../lib/form-errors';
import { FormError } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Input } from '../../ui/input';
import { PasswordInput } from '../../ui/password-input';
import { AuthLayout, inlineLinkClass } from './auth-layout';
import { PASSWORD_MIN, authClient, passwordError } from './auth-client';

const route = getRouteApi('/sign-up');
const FIELDS = ['name', 'email', 'password'] as const;

export function SignUpPage() {
  const search = route.useSearch();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [email, setEmail] = useState(search.email ?? '');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const signUp = useMutation({
    mutationFn: authClient.signUp,
    // The verification link brings the user back to where they were heading (e.g. an invite).
    onSuccess: (_, vars) => navigate({ to: '/verify-email', search: { email: vars.email, redirect: search.redirect } }),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const errors: FieldErrors = {
      name: validate(DisplayName, name).errors?._,
      email: email.trim() ? validate(Email, email.trim()).errors?._ : 'Enter your e-mail address',
      password: passwordError(password),
    };
    setClientErrors(errors);
    if (hasErrors(errors)) return;
    signUp.mutate({ name: name.trim(), email: email.trim().toLowerCase(), password, callbackURL: search.redirect ?? '/' });
  }

  const errors = mergeErrors(serverFieldErrors(signUp.error), clientErrors);
  return (
    <AuthLayout
      title="Create your account"
      description="Set up AIO Chat for your team in a minute."
      footer={
        <>
          Already have an account?{' '}
          <Link to="/sign-in" search={search} className={inlineLinkClass}>
            Sign in
          </Link>
        </>
      }
    >
      <form onSubmit={submit} noValidate className="grid gap-4">
        <FormError message={formLevelError(signUp.error, FIELDS)} />
        <Field label="Full name" error={errors.name}>
          {(p) => <Input {...p} autoComplete="name" autoFocus value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="Work e-mail" error={errors.email}>
          {(p) => <Input {...p} type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <Field label="Password" hint={`At least ${PASSWORD_MIN} characters.`} error={errors.password}>
          {(p) => <PasswordInput {...p} autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
        </Field>
        <Button type="submit" size="lg" loading={signUp.isPending} className="mt-1 w-full">
          Create account
        </Button>
      </form>
    </AuthLayout>
  );
}

