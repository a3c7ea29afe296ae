import { DisplayName } from '@aio/contracts';
import { useNavigate } from '@tanstack/react-router';
import { Building2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { formLevelError, mergeErrors, serverFieldErrors, validate } from '../../lib/form-errors';
import { FormError } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Input } from '../../ui/input';
import { useCreateWorkspace, useWorkspaces } from './api';

/** Create a workspace; first-time users (no workspaces yet) land here from "/". */
export function NewWorkspacePage() {
  const navigate = useNavigate();
  const { data: workspaces } = useWorkspaces();
  const firstTime = workspaces?.length === 0;
  const [name, setName] = useState('');
  const [clientError, setClientError] = useState<string>();
  const create = useCreateWorkspace();

  function submit(e: FormEvent) {
    e.preventDefault();
    const error = validate(DisplayName, name).errors?._;
    setClientError(error);
    if (error) return;
    create.mutate(name.trim(), {
      onSuccess: (w) => navigate({ to: '/w/$workspaceId', params: { workspaceId: w.id } }),
    });
  }

  const errors = mergeErrors(serverFieldErrors(create.error), { name: clientError });
  return (
    <div className="mx-auto flex w-full max-w-lg flex-col px-4 py-16">
      <div className="mb-6 inline-flex size-11 items-center justify-center rounded-xl bg-accent text-accent-foreground" aria-hidden>
        <Building2 className="size-5" />
      </div>
      <h1 className="text-2xl font-semibold tracking-tight">{firstTime ? 'Create your first workspace' : 'Create a workspace'}</h1>
      <p className="mt-2 text-sm text-muted">
        A workspace is where your team chats and handles customer conversations. You can invite people next.
      </p>
      <form onSubmit={submit} noValidate className="mt-8 grid gap-4">
        <FormError message={formLevelError(create.error, ['name'])} />
        <Field label="Workspace name" hint="Usually your company or team name." error={errors.name}>
          {(p) => <Input {...p} autoFocus placeholder="Acme Inc." maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <div className="flex gap-2">
          <Button type="submit" loading={create.isPending}>Create workspace</Button>
          {!firstTime && (
            <Button variant="ghost" onClick={() => history.back()}>
              Cancel
            </Button>
          )}
        </div>
      </form>
    </div>
  );
}
