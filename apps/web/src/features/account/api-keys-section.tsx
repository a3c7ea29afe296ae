import type { ApiKey } from '@aio/contracts';
import { KeyRound, Trash2 } from 'lucide-react';
import { errorMessage } from '../../lib/api';
import { formatDate, isPast } from '../../lib/format';
import { FormError } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { SectionCard } from '../../ui/card';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { EmptyState, Spinner } from '../../ui/feedback';
import { toast } from '../../ui/toast';
import { useApiKeys, useRevokeApiKey } from './api';
import { CreateApiKeyDialog } from './create-api-key-dialog';

export function ApiKeysSection() {
  const keys = useApiKeys();
  return (
    <SectionCard
      title="API keys"
      description={<>Let scripts and integrations call the API as you. Send the key as <code className="font-mono text-xs">Authorization: Bearer &lt;key&gt;</code>.</>}
      action={<CreateApiKeyDialog />}
    >
      {keys.isPending ? (
        <Spinner label="Loading API keys" />
      ) : keys.isError ? (
        <FormError message={errorMessage(keys.error)} />
      ) : keys.data.length === 0 ? (
        <EmptyState icon={<KeyRound />} title="No API keys" description="Create a key to use the API from scripts or other tools." />
      ) : (
        <ul className="divide-y rounded-lg border">
          {keys.data.map((key) => (
            <ApiKeyRow key={key.id} apiKey={key} />
          ))}
        </ul>
      )}
    </SectionCard>
  );
}

function ApiKeyRow({ apiKey }: { apiKey: ApiKey }) {
  const revoke = useRevokeApiKey();
  const name = apiKey.name ?? 'Unnamed key';
  const expired = isPast(apiKey.expiresAt);
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 text-sm">
      <KeyRound className="size-4 text-muted" aria-hidden />
      <div className="grid min-w-0 flex-1 gap-0.5">
        <span className="flex items-center gap-2 font-medium">
          {name}
          {apiKey.start && <code className="rounded bg-surface-2 px-1.5 py-0.5 font-mono text-xs font-normal text-muted">{apiKey.start}…</code>}
          {expired && <Badge tone="danger">Expired</Badge>}
        </span>
        <span className="text-[13px] text-muted">
          Created {formatDate(apiKey.createdAt)} · {apiKey.expiresAt ? `${expired ? 'Expired' : 'Expires'} ${formatDate(apiKey.expiresAt)}` : 'Never expires'} ·{' '}
          {apiKey.lastUsedAt ? `Last used ${formatDate(apiKey.lastUsedAt)}` : 'Never used'}
        </span>
      </div>
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" aria-label={`Revoke API key ${name}`}>
            <Trash2 aria-hidden /> Revoke
          </Button>
        }
        title={`Revoke "${name}"?`}
        description="Anything using this key stops working immediately. This cannot be undone."
        confirmLabel="Revoke key"
        onConfirm={async () => {
          await revoke.mutateAsync(apiKey.id);
          toast(`API key "${name}" revoked`);
        }}
      />
    </li>
  );
}
