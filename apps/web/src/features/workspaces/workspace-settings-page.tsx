import { DisplayName, type Workspace } from '@aio/contracts';
import { useMemo, useState, type FormEvent } from 'react';
import { formLevelError, hasErrors, mergeErrors, serverFieldErrors, validate, type FieldErrors } from '../../lib/form-errors';
import { Alert, FormError } from '../../ui/alert';
import { Button } from '../../ui/button';
import { SectionCard } from '../../ui/card';
import { Field } from '../../ui/field';
import { Input } from '../../ui/input';
import { Page } from '../../ui/page';
import { Select } from '../../ui/select';
import { toast } from '../../ui/toast';
import { canManage, useUpdateWorkspace } from './api';
import { DangerZone } from './danger-zone';
import { browserTimeZone, listTimeZones } from './timezones';
import { useCurrentWorkspace } from './use-current-workspace';

export function WorkspaceSettingsPage() {
  const workspace = useCurrentWorkspace();
  const editable = canManage(workspace.role);
  return (
    <Page title="Workspace settings" description="General preferences for everyone in this workspace.">
      {!editable && (
        <Alert tone="info" role="status">
          Only owners and admins can change these settings.
        </Alert>
      )}
      <GeneralSettings key={workspace.id} workspace={workspace} editable={editable} />
      {workspace.role === 'owner' && <DangerZone workspace={workspace} />}
    </Page>
  );
}

const FIELDS = ['name', 'settings.timezone', 'settings.inviteExpiryDays'];

function GeneralSettings({ workspace, editable }: { workspace: Workspace; editable: boolean }) {
  const [name, setName] = useState(workspace.name);
  const [timezone, setTimezone] = useState(workspace.settings.timezone);
  const [expiry, setExpiry] = useState(String(workspace.settings.inviteExpiryDays));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const update = useUpdateWorkspace(workspace.id);
  const zones = useMemo(() => listTimeZones(workspace.settings.timezone), [workspace.settings.timezone]);

  const dirty =
    name !== workspace.name || timezone !== workspace.settings.timezone || expiry !== String(workspace.settings.inviteExpiryDays);

  function submit(e: FormEvent) {
    e.preventDefault();
    const days = Number(expiry);
    const errors: FieldErrors = {
      name: validate(DisplayName, name).errors?._,
      'settings.inviteExpiryDays': Number.isInteger(days) && days >= 1 && days <= 30 ? undefined : 'Enter a whole number of days from 1 to 30',
    };
    setClientErrors(errors);
    if (hasErrors(errors)) return;
    update.mutate(
      { name: name.trim(), settings: { timezone, inviteExpiryDays: days } },
      { onSuccess: () => toast('Workspace settings saved') },
    );
  }

  const errors = mergeErrors(serverFieldErrors(update.error), clientErrors);
  return (
    <form onSubmit={submit} noValidate>
      <SectionCard
        title="General"
        description="The name appears in the sidebar, invitations and e-mails."
        footer={
          editable && (
            <Button type="submit" loading={update.isPending} disabled={!dirty}>
              Save changes
            </Button>
          )
        }
      >
        <fieldset disabled={!editable} className="grid gap-5">
          <FormError message={formLevelError(update.error, FIELDS)} />
          <Field label="Workspace name" error={errors.name}>
            {(p) => <Input {...p} maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field
              label="Time zone"
              hint={
                editable && timezone !== browserTimeZone() ? (
                  <button type="button" className="underline-offset-4 hover:underline" onClick={() => setTimezone(browserTimeZone())}>
                    Use my time zone ({browserTimeZone()})
                  </button>
                ) : 'Used for schedules and reports.'
              }
              error={errors['settings.timezone']}
            >
              {(p) => (
                <Select {...p} value={timezone} onChange={(e) => setTimezone(e.target.value)}>
                  {zones.map((z) => (
                    <option key={z} value={z}>{z.replaceAll('_', ' ')}</option>
                  ))}
                </Select>
              )}
            </Field>
            <Field label="Invite links expire after (days)" hint="From 1 to 30 days." error={errors['settings.inviteExpiryDays']}>
              {(p) => <Input {...p} type="number" inputMode="numeric" min={1} max={30} value={expiry} onChange={(e) => setExpiry(e.target.value)} />}
            </Field>
          </div>
        </fieldset>
      </SectionCard>
    </form>
  );
}
