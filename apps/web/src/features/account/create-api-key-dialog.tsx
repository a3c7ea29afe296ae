import { CreateApiKeyBody, type CreatedApiKey } from '@aio/contracts';
import { Plus } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { formLevelError, mergeErrors, serverFieldErrors, validate, type FieldErrors } from '../../lib/form-errors';
import { Alert, FormError } from '../../ui/alert';
import { Button } from '../../ui/button';
import { CopyField } from '../../ui/copy-button';
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { Input } from '../../ui/input';
import { Select } from '../../ui/select';
import { useCreateApiKey } from './api';

const EXPIRY_OPTIONS = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: '', label: 'Never' },
];

export function CreateApiKeyDialog() {
  const [open, setOpen] = useState(false);
  const create = useCreateApiKey();
  return (
    <Dialog open={open} onOpenChange={(o) => { setOpen(o); if (!o) create.reset(); }}>
      <DialogTrigger asChild>
        <Button size="sm"><Plus aria-hidden /> New key</Button>
      </DialogTrigger>
      {create.data ? (
        // Not dismissible by accident: this is the only time the secret is visible.
        <DialogContent title="Copy your new API key" dismissible={false} className="max-w-lg">
          <ShowKeyOnce created={create.data} onDone={() => setOpen(false)} />
        </DialogContent>
      ) : (
        <DialogContent title="Create an API key" description="Give it a name you will recognise later, like the script that uses it.">
          <CreateForm pending={create.isPending} error={create.error} onSubmit={(body) => create.mutate(body)} />
        </DialogContent>
      )}
    </Dialog>
  );
}

const FIELDS = ['name', 'expiresInDays'];

function CreateForm({ pending, error, onSubmit }: { pending: boolean; error: unknown; onSubmit: (body: CreateApiKeyBody) => void }) {
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState('90');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  function submit(e: FormEvent) {
    e.preventDefault();
    const result = validate(CreateApiKeyBody, { name: name.trim(), expiresInDays: expiry ? Number(expiry) : undefined });
    setClientErrors(result.errors ?? {});
    if (result.data) onSubmit(result.data);
  }

  const errors = mergeErrors(serverFieldErrors(error), clientErrors);
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <FormError message={formLevelError(error, FIELDS)} />
      <Field label="Name" hint="Up to 32 letters, digits, spaces, dots, dashes or underscores." error={errors.name}>
        {(p) => <Input {...p} autoFocus maxLength={32} placeholder="CI deploy" value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Expires after" error={errors.expiresInDays}>
        {(p) => (
          <Select {...p} value={expiry} onChange={(e) => setExpiry(e.target.value)}>
            {EXPIRY_OPTIONS.map((o) => (
              <option key={o.label} value={o.value}>{o.label}</option>
            ))}
          </Select>
        )}
      </Field>
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="secondary">Cancel</Button>
        </DialogClose>
        <Button type="submit" loading={pending}>Create key</Button>
      </DialogFooter>
    </form>
  );
}

function ShowKeyOnce({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  return (
    <div className="grid gap-4">
      <Alert tone="warning" title="You won't see this key again">
        Store it in a password manager or your secret store now. If you lose it, revoke it and create a new one.
      </Alert>
      <div className="grid gap-1.5">
        <label htmlFor="new-api-key" className="text-sm font-medium">{created.apiKey.name ?? 'API key'}</label>
        <CopyField id="new-api-key" value={created.key} label="Copy API key" />
      </div>
      <DialogFooter>
        <Button onClick={onDone}>I've saved the key</Button>
      </DialogFooter>
    </div>
  );
}
