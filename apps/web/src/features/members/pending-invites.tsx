import type { Invite } from '@aio/contracts';
import { Mail, X } from 'lucide-react';
import { errorMessage } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { FormError } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { EmptyState, Spinner } from '../../ui/feedback';
import { toast } from '../../ui/toast';
import { ROLE_LABELS } from '../workspaces/roles';
import { useInvites, useRevokeInvite } from './api';

export function PendingInvites({ workspaceId }: { workspaceId: string }) {
  const invites = useInvites(workspaceId, true);
  // The list may include past invites; only pending ones need attention here.
  const pending = invites.data?.filter((i) => i.status === 'pending') ?? [];
  return (
    <div className="grid gap-2">
      <h3 className="text-sm font-medium">Pending invites</h3>
      {invites.isPending ? (
        <Spinner label="Loading invites" className="py-4" />
      ) : invites.isError ? (
        <FormError message={errorMessage(invites.error)} />
      ) : pending.length === 0 ? (
        <EmptyState className="rounded-lg border border-dashed py-6" icon={<Mail />} title="No pending invites" />
      ) : (
        <ul className="divide-y rounded-lg border">
          {pending.map((invite) => (
            <InviteRow key={invite.id} invite={invite} workspaceId={workspaceId} />
          ))}
        </ul>
      )}
    </div>
  );
}

function InviteRow({ invite, workspaceId }: { invite: Invite; workspaceId: string }) {
  const revoke = useRevokeInvite(workspaceId);
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2.5 text-sm">
      <div className="grid min-w-48 flex-1">
        <span className="truncate font-medium">{invite.email}</span>
        <span className="text-[13px] text-muted">
          {invite.invitedBy ? `Invited by ${invite.invitedBy.name} · ` : ''}
          <time dateTime={invite.expiresAt} title={formatDateTime(invite.expiresAt)}>Expires {formatDate(invite.expiresAt)}</time>
        </span>
      </div>
      <Badge>{ROLE_LABELS[invite.role]}</Badge>
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" aria-label={`Revoke invite for ${invite.email}`}>
            <X aria-hidden /> Revoke
          </Button>
        }
        title="Revoke this invite?"
        description={`The link sent to ${invite.email} will stop working.`}
        confirmLabel="Revoke invite"
        onConfirm={async () => {
          await revoke.mutateAsync(invite.id);
          toast(`Invite for ${invite.email} revoked`);
        }}
      />
    </li>
  );
}
