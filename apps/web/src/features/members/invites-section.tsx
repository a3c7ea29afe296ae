import { CreateInviteBody, type AssignableRole } from '@aio/contracts';
import { useState, type FormEvent } from 'react';
import { formLevelError, mergeErrors, serverFieldErrors, validate, type FieldErrors } from '../../lib/form-errors';
import { Alert, FormError } from '../../ui/alert';
import { Button } from '../../ui/button';
import { SectionCard } from '../../ui/card';
import { CopyField } from '../../ui/copy-button';
import { Field } from '../../ui/field';
import { Input } from '../../ui/input';
import { Select } from '../../ui/select';
import { ASSIGNABLE_ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS } from '../workspaces/roles';
import { useCreateInvite, type CreatedInvite } from './api';
import { PendingInvites } from './pending-invites';

const FIELDS = ['email', 'role'];

/** Admins only: invite by e-mail, see the one-time link, manage pending invites. */
export function InvitesSection({ workspaceId }: { workspaceId: string }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AssignableRole>('member');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<CreatedInvite | null>(null);
  const create = useCreateInvite(workspaceId);

  function submit(e: FormEvent) {
    e.preventDefault();
    const result = validate(CreateInviteBody, { email: email.trim(), role });
    setClientErrors(result.errors ?? {});
    if (!result.data) return;
    create.mutate(result.data, {
      onSuccess: (invite) => {
        setCreated(invite);
        setEmail('');
      },
    });
  }

  const errors = mergeErrors(serverFieldErrors(create.error), clientErrors);
  return (
    <SectionCard title="Invite people" description="They get an e-mail with a link to join. The link works only for that address.">
      <div className="grid gap-5">
        <form onSubmit={submit} noValidate className="grid gap-3">
          <FormError message={formLevelError(create.error, FIELDS)} />
          <div className="grid items-start gap-3 sm:grid-cols-[1fr_11rem_auto]">
            <Field label="E-mail address" error={errors.email}>
              {(p) => <Input {...p} type="email" autoComplete="off" placeholder="name@company.com" value={email} onChange={(e) => setEmail(e.target.value)} />}
            </Field>
            <Field label="Role" error={errors.role}>
              {(p) => (
                <Select {...p} value={role} onChange={(e) => setRole(e.target.value as AssignableRole)}>
                  {ASSIGNABLE_ROLES.map((r) => (
                    <option key={r} value={r}>{ROLE_LABELS[r]}</option>
                  ))}
                </Select>
              )}
            </Field>
            {/* The spacer lines the button up with the inputs under their labels. */}
            <div className="grid gap-1.5">
              <span className="hidden text-sm sm:block" aria-hidden>&nbsp;</span>
              <Button type="submit" loading={create.isPending}>Send invite</Button>
            </div>
          </div>
          <p className="text-[13px] text-muted">{ROLE_LABELS[role]}: {ROLE_DESCRIPTIONS[role]}.</p>
        </form>

        {created && (
          <Alert tone="success" role="status" title={`Invitation sent to ${created.email}`}>
            <div className="mt-1 grid gap-2">
              <p className="text-[13px]">You can also share this link directly. It is shown only now, so copy it if you need it.</p>
              <CopyField value={created.inviteUrl} label="Copy invite link" />
              <Button variant="link" size="sm" className="justify-self-start" onClick={() => setCreated(null)}>
                Dismiss
              </Button>
            </div>
          </Alert>
        )}

        <PendingInvites workspaceId={workspaceId} />
      </div>
    </SectionCard>
  );
}
