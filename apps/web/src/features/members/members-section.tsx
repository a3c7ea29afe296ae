import type { AssignableRole, Member, Workspace } from '@aio/contracts';
import { UserMinus, Users } from 'lucide-react';
import { formatDate } from '../../lib/format';
import { Avatar } from '../../ui/avatar';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { SectionCard } from '../../ui/card';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { EmptyState, Spinner } from '../../ui/feedback';
import { FormError } from '../../ui/alert';
import { Select } from '../../ui/select';
import { toast } from '../../ui/toast';
import { errorMessage } from '../../lib/api';
import { useCurrentUser } from '../auth/session';
import { canManage } from '../workspaces/api';
import { ASSIGNABLE_ROLES, ROLE_LABELS } from '../workspaces/roles';
import { useChangeRole, useMembers, useRemoveMember } from './api';

export function MembersSection({ workspace }: { workspace: Workspace }) {
  const members = useMembers(workspace.id);
  const count = members.data?.length;
  return (
    <SectionCard title="Members" description={count === undefined ? undefined : `${count} ${count === 1 ? 'person' : 'people'} in ${workspace.name}.`}>
      {members.isPending ? (
        <Spinner label="Loading members" />
      ) : members.isError ? (
        <FormError message={errorMessage(members.error)} />
      ) : members.data.length === 0 ? (
        <EmptyState icon={<Users />} title="No members yet" />
      ) : (
        <div className="-mx-5 -my-4 overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="border-b text-left text-xs text-muted">
              <tr>
                <th scope="col" className="px-5 py-2.5 font-medium">Name</th>
                <th scope="col" className="px-3 py-2.5 font-medium">Role</th>
                <th scope="col" className="hidden px-3 py-2.5 font-medium sm:table-cell">Joined</th>
                <th scope="col" className="px-5 py-2.5"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {members.data.map((m) => (
                <MemberRow key={m.userId} member={m} workspace={workspace} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </SectionCard>
  );
}

function MemberRow({ member, workspace }: { member: Member; workspace: Workspace }) {
  const me = useCurrentUser();
  const isMe = member.userId === me.id;
  // Ownership only moves by transfer, and nobody edits their own role or removes themselves here.
  const editable = canManage(workspace.role) && member.role !== 'owner' && !isMe;
  return (
    <tr className="hover:bg-surface-2/50">
      <td className="px-5 py-3">
        <div className="flex items-center gap-3">
          <Avatar name={member.name} email={member.email} />
          <div className="grid min-w-0">
            <span className="flex items-center gap-2 truncate font-medium">
              {member.name}
              {isMe && <Badge>You</Badge>}
            </span>
            <span className="truncate text-[13px] text-muted">{member.email}</span>
          </div>
        </div>
      </td>
      <td className="px-3 py-3">
        {editable ? <RoleSelect workspaceId={workspace.id} member={member} /> : <Badge tone={member.role === 'owner' ? 'primary' : 'neutral'}>{ROLE_LABELS[member.role]}</Badge>}
      </td>
      <td className="hidden px-3 py-3 whitespace-nowrap text-muted sm:table-cell">{formatDate(member.joinedAt)}</td>
      <td className="px-5 py-3 text-right">{editable && <RemoveMemberButton workspaceId={workspace.id} member={member} />}</td>
    </tr>
  );
}

function RoleSelect({ workspaceId, member }: { workspaceId: string; member: Member }) {
  const change = useChangeRole(workspaceId);
  return (
    <Select
      aria-label={`Role of ${member.name}`}
      className="w-32"
      value={member.role}
      disabled={change.isPending}
      onChange={(e) =>
        change.mutate(
          { userId: member.userId, role: e.target.value as AssignableRole },
          {
            onSuccess: (updated) => toast(`${member.name} is now ${ROLE_LABELS[updated.role].toLowerCase()}`),
            onError: (err) => toast(err.message, 'error'),
          },
        )
      }
    >
      {ASSIGNABLE_ROLES.map((r) => (
        <option key={r} value={r}>{ROLE_LABELS[r]}</option>
      ))}
    </Select>
  );
}

function RemoveMemberButton({ workspaceId, member }: { workspaceId: string; member: Member }) {
  const remove = useRemoveMember(workspaceId);
  return (
    <ConfirmDialog
      trigger={
        <Button variant="ghost" size="icon" aria-label={`Remove ${member.name}`} title="Remove from workspace">
          <UserMinus aria-hidden />
        </Button>
      }
      title={`Remove ${member.name}?`}
      description={`${member.email} will lose access to this workspace. You can invite them again later.`}
      confirmLabel="Remove member"
      onConfirm={async () => {
        await remove.mutateAsync(member.userId);
        toast(`${member.name} was removed`);
      }}
    />
  );
}
