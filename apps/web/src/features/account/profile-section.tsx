import { DisplayName } from '@aio/contracts';
import { useState, type FormEvent } from 'react';
import { formLevelError, mergeErrors, serverFieldErrors, validate } from '../../lib/form-errors';
import { formatDate } from '../../lib/format';
import { FormError } from '../../ui/alert';
import { Button } from '../../ui/button';
import { SectionCard } from '../../ui/card';
import { Field } from '../../ui/field';
import { Input } from '../../ui/input';
import { toast } from '../../ui/toast';
import { useCurrentUser } from '../auth/session';
import { useUpdateProfile } from './api';

export function ProfileSection() {
  const user = useCurrentUser();
  const [name, setName] = useState(user.name);
  const [clientError, setClientError] = useState<string>();
  const update = useUpdateProfile();

  function submit(e: FormEvent) {
    e.preventDefault();
    const error = validate(DisplayName, name).errors?._;
    setClientError(error);
    if (!error) update.mutate(name.trim(), { onSuccess: () => toast('Profile updated') });
  }

  const errors = mergeErrors(serverFieldErrors(update.error), { name: clientError });
  return (
    <form onSubmit={submit} noValidate>
      <SectionCard
        title="Profile"
        description={`Member since ${formatDate(user.createdAt)}.`}
        footer={<Button type="submit" loading={update.isPending} disabled={name === user.name}>Save</Button>}
      >
        <div className="grid gap-5 sm:grid-cols-2">
          <FormError message={formLevelError(update.error, ['name'])} className="sm:col-span-2" />
          <Field label="Name" error={errors.name}>
            {(p) => <Input {...p} autoComplete="name" maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label="E-mail" hint="Used to sign in. It cannot be changed here.">
            {(p) => <Input {...p} type="email" readOnly value={user.email} />}
          </Field>
        </div>
      </SectionCard>
    </form>
  );
}
