import type { Role, Workspace, WorkspaceSettings } from '@aio/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

/** Query keys: everything about one workspace sits under its detail key. */
export const workspaceKeys = {
  all: ['workspaces'] as const,
  list: () => ['workspaces', 'list'] as const,
  detail: (workspaceId: string) => ['workspaces', 'detail', workspaceId] as const,
};

const base = (workspaceId: string) => `/api/v1/workspaces/${encodeURIComponent(workspaceId)}`;

export const workspacesQuery = queryOptions({
  queryKey: workspaceKeys.list(),
  queryFn: ({ signal }) => api.get<{ items: Workspace[] }>('/api/v1/workspaces', signal).then((r) => r.items),
});

export const workspaceQuery = (workspaceId: string) =>
  queryOptions({
    queryKey: workspaceKeys.detail(workspaceId),
    queryFn: ({ signal }) => api.get<Workspace>(base(workspaceId), signal),
  });

export function useWorkspaces() {
  return useQuery(workspacesQuery);
}

export function useWorkspace(workspaceId: string) {
  return useQuery(workspaceQuery(workspaceId));
}

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<Workspace>('/api/v1/workspaces', { name }),
    onSuccess: (workspace) => {
      queryClient.setQueryData(workspaceKeys.detail(workspace.id), workspace);
      return queryClient.invalidateQueries({ queryKey: workspaceKeys.list() });
    },
  });
}

export interface UpdateWorkspaceInput {
  name?: string;
  settings?: Partial<WorkspaceSettings>;
}

export function useUpdateWorkspace(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateWorkspaceInput) => api.patch<Workspace>(base(workspaceId), body),
    onSuccess: (workspace) => {
      queryClient.setQueryData(workspaceKeys.detail(workspaceId), workspace);
      return queryClient.invalidateQueries({ queryKey: workspaceKeys.list() });
    },
  });
}

/** Delete and leave both drop the workspace from this user's view. */
export function useForgetWorkspace() {
  const queryClient = useQueryClient();
  return async (workspaceId: string) => {
    forgetLastWorkspace(workspaceId);
    queryClient.removeQueries({ queryKey: workspaceKeys.detail(workspaceId) });
    await queryClient.invalidateQueries({ queryKey: workspaceKeys.list() });
  };
}

export function useDeleteWorkspace(workspaceId: string) {
  const forget = useForgetWorkspace();
  return useMutation({
    mutationFn: () => api.delete(base(workspaceId)),
    onSuccess: () => forget(workspaceId),
  });
}

export const workspaceApiBase = base;

/** Owners and admins manage members, invites and settings and read the audit log. */
export function canManage(role: Role): boolean {
  return role === 'owner' || role === 'admin';
}

const LAST_KEY = 'aio.lastWorkspace';

export function rememberLastWorkspace(workspaceId: string): void {
  try {
    localStorage.setItem(LAST_KEY, workspaceId);
  } catch {
    /* storage blocked: "/" falls back to the first workspace */
  }
}

export function lastWorkspaceId(): string | null {
  try {
    return localStorage.getItem(LAST_KEY);
  } catch {
    return null;
  }
}

function forgetLastWorkspace(workspaceId: string): void {
  if (lastWorkspaceId() === workspaceId) {
    try {
      localStorage.removeItem(LAST_KEY);
    } catch {
      /* ignore */
    }
  }
}
