import type { AssignableRole, Invite, Member } from '@aio/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { useForgetWorkspace, workspaceApiBase, workspaceKeys } from '../workspaces/api';

/** The invite as returned once at creation; `inviteUrl` holds the only copy of the token. */
export type CreatedInvite = Invite & { inviteUrl: string };

const membersKey = (workspaceId: string) => [...workspaceKeys.detail(workspaceId), 'members'] as const;
const invitesKey = (workspaceId: string) => [...workspaceKeys.detail(workspaceId), 'invites'] as const;

export const membersQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: membersKey(workspaceId),
    queryFn: ({ signal }) => api.get<{ items: Member[] }>(`${workspaceApiBase(workspaceId)}/members`, signal).then((r) => r.items),
  });

export const invitesQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: invitesKey(workspaceId),
    queryFn: ({ signal }) => api.get<{ items: Invite[] }>(`${workspaceApiBase(workspaceId)}/invites`, signal).then((r) => r.items),
  });

export function useMembers(workspaceId: string) {
  return useQuery(membersQuery(workspaceId));
}

export function useInvites(workspaceId: string, enabled: boolean) {
  return useQuery({ ...invitesQuery(workspaceId), enabled });
}

/**
 * Member changes also change the workspace (member count, my role after a
 * transfer), so they refresh the whole workspace subtree and the list.
 */
function useWorkspaceMutation<TVars, TResult>(workspaceId: string, fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: workspaceKeys.detail(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.list() }),
      ]),
  });
}

export function useChangeRole(workspaceId: string) {
  return useWorkspaceMutation(workspaceId, ({ userId, role }: { userId: string; role: AssignableRole }) =>
    api.patch<Member>(`${workspaceApiBase(workspaceId)}/members/${encodeURIComponent(userId)}`, { role }),
  );
}

export function useRemoveMember(workspaceId: string) {
  return useWorkspaceMutation(workspaceId, (userId: string) =>
    api.delete(`${workspaceApiBase(workspaceId)}/members/${encodeURIComponent(userId)}`),
  );
}

export function useTransferOwnership(workspaceId: string) {
  return useWorkspaceMutation(workspaceId, (userId: string) =>
    api.post<void>(`${workspaceApiBase(workspaceId)}/transfer-ownership`, { userId }),
  );
}

export function useLeaveWorkspace(workspaceId: string) {
  const forget = useForgetWorkspace();
  return useMutation({
    mutationFn: () => api.post<void>(`${workspaceApiBase(workspaceId)}/leave`, {}),
    onSuccess: () => forget(workspaceId),
  });
}

export function useCreateInvite(workspaceId: string) {
  return useWorkspaceMutation(workspaceId, (body: { email: string; role: AssignableRole; expiresInDays?: number }) =>
    api.post<CreatedInvite>(`${workspaceApiBase(workspaceId)}/invites`, body),
  );
}

export function useRevokeInvite(workspaceId: string) {
  return useWorkspaceMutation(workspaceId, (inviteId: string) =>
    api.delete(`${workspaceApiBase(workspaceId)}/invites/${encodeURIComponent(inviteId)}`),
  );
}
