import { Crown } from 'lucide-react';
import { useId, useState } from 'react';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Select } from '../../ui/select';
import { toast } from '../../ui/toast';
import { useMembers, useTransferOwnership } from './api';

/** Owner-only: hand the workspace to another member (the owner becomes an admin server-side). */
export function TransferOwnershipButton({ workspaceId }: { workspaceId: string }) {
  const members = useMembers(workspaceId);
  const transfer = useTransferOwnership(workspaceId);
  const [userId, setUserId] = useState('');
  const selectId = useId();
  const candidates = (members.data ?? []).filter((m) => m.role !== 'owner');
  const chosen = candidates.find((m) => m.userId === userId);

  return (
    <ConfirmDialog
      tone="primary"
      trigger={
        <Button variant="secondary" disabled={candidates.length === 0} title={candidates.length === 0 ? 'Invite someone first' : undefined}>
          <Crown aria-hidden /> Transfer ownership
        </Button>
      }
      title="Transfer ownership"
      description="The new owner gets full control, including deleting the workspace. You keep access as an admin."
      confirmLabel={chosen ? `Make ${chosen.name} owner` : 'Transfer ownership'}
      confirmDisabled={!chosen}
      onConfirm={async () => {
        await transfer.mutateAsync(userId);
        toast(`${chosen?.name ?? 'The new owner'} now owns this workspace`);
        setUserId('');
      }}
    >
      <div className="grid gap-1.5">
        <label htmlFor={selectId} className="text-sm font-medium">New owner</label>
        <Select id={selectId} value={userId} onChange={(e) => setUserId(e.target.value)}>
          <option value="">Choose a member…</option>
          {candidates.map((m) => (
            <option key={m.userId} value={m.userId}>{m.name} ({m.email})</option>
          ))}
        </Select>
      </div>
    </ConfirmDialog>
  );
}
