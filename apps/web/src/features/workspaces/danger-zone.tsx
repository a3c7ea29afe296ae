import type { Workspace } from '@aio/contracts';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { Button } from '../../ui/button';
import { SectionCard } from '../../ui/card';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Input } from '../../ui/input';
import { toast } from '../../ui/toast';
import { useDeleteWorkspace } from './api';

/** Owner-only: delete the workspace, confirmed by typing its name. */
export function DangerZone({ workspace }: { workspace: Workspace }) {
  const navigate = useNavigate();
  const remove = useDeleteWorkspace(workspace.id);
  const [typed, setTyped] = useState('');
  const inputId = useId();

  return (
    <SectionCard
      tone="danger"
      title="Danger zone"
      description="Deleting the workspace removes its conversations, members and settings for everyone. This cannot be undone."
      footer={
        <ConfirmDialog
          trigger={<Button variant="danger">Delete workspace</Button>}
          title={`Delete ${workspace.name}?`}
          description="Everything in this workspace is deleted for all members. This cannot be undone."
          confirmLabel="Delete workspace"
          confirmDisabled={typed.trim() !== workspace.name.trim()}
          onConfirm={async () => {
            await remove.mutateAsync();
            toast(`Deleted ${workspace.name}`);
            await navigate({ to: '/', search: {} });
          }}
        >
          <div className="grid gap-1.5">
            <label htmlFor={inputId} className="text-sm">
              Type <strong className="font-semibold">{workspace.name}</strong> to confirm
            </label>
            <Input id={inputId} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
          </div>
        </ConfirmDialog>
      }
    />
  );
}
