import { useNavigate } from '@tanstack/react-router';
import { LogOut } from 'lucide-react';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Page } from '../../ui/page';
import { toast } from '../../ui/toast';
import { canManage } from '../workspaces/api';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace';
import { useLeaveWorkspace } from './api';
import { InvitesSection } from './invites-section';
import { MembersSection } from './members-section';
import { TransferOwnershipButton } from './transfer-ownership';

export function MembersPage() {
  const workspace = useCurrentWorkspace();
  const admin = canManage(workspace.role);
  return (
    <Page
      title="Members"
      description={admin ? 'Invite people, change roles and remove members.' : 'People in this workspace.'}
      actions={workspace.role === 'owner' ? <TransferOwnershipButton workspaceId={workspace.id} /> : <LeaveButton />}
    >
      {admin && <InvitesSection workspaceId={workspace.id} />}
      <MembersSection workspace={workspace} />
    </Page>
  );
}

/** Anyone but the owner may leave (the owner transfers ownership first). */
function LeaveButton() {
  const workspace = useCurrentWorkspace();
  const leave = useLeaveWorkspace(workspace.id);
  const navigate = useNavigate();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary">
          <LogOut aria-hidden /> Leave workspace
        </Button>
      }
      title={`Leave ${workspace.name}?`}
      description="You will lose access to its conversations until someone invites you again."
      confirmLabel="Leave workspace"
      onConfirm={async () => {
        await leave.mutateAsync();
        toast(`You left ${workspace.name}`);
        await navigate({ to: '/', search: {} });
      }}
    />
  );
}
