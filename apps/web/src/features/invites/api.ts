import type { InvitePreview, Workspace } from '@aio/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { workspaceKeys } from '../workspaces/api';

const base = (token: string) => `/api/v1/invites/${encodeURIComponent(token)}`;

/** Public: what the invite is for, shown before anyone signs in. */
export function useInvitePreview(token: string) {
  return useQuery({
    queryKey: ['invite-preview', token],
    queryFn: ({ signal }) => api.get<InvitePreview>(base(token), signal),
  });
}

export function useAcceptInvite(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Workspace>(`${base(token)}/accept`, {}),
    onSuccess: (workspace) => {
      queryClient.setQueryData(workspaceKeys.detail(workspace.id), workspace);
      queryClient.removeQueries({ queryKey: ['invite-preview', token] });
      return queryClient.invalidateQueries({ queryKey: workspaceKeys.list() });
    },
  });
}
