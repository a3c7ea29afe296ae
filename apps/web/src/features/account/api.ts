import type { ApiKey, CreatedApiKey, Me } from '@aio/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { sessionQuery, type SessionData } from '../auth/session';

const apiKeysKey = ['me', 'api-keys'] as const;

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.patch<Me>('/api/v1/me', { name }),
    // The shell reads the user from the session query; update it in place.
    onSuccess: (me) => {
      queryClient.setQueryData<SessionData>(sessionQuery.queryKey, (s) => (s ? { ...s, user: me } : s));
      // Member lists show my name too.
      return queryClient.invalidateQueries({ queryKey: ['workspaces'] });
    },
  });
}

export const apiKeysQuery = queryOptions({
  queryKey: apiKeysKey,
  queryFn: ({ signal }) => api.get<{ items: ApiKey[] }>('/api/v1/me/api-keys', signal).then((r) => r.items),
});

export function useApiKeys() {
  return useQuery(apiKeysQuery);
}

function useInvalidateKeys() {
  const queryClient = useQueryClient();
  // The security log records key creation and revocation.
  return () => queryClient.invalidateQueries({ queryKey: ['me'] });
}

export function useCreateApiKey() {
  const invalidate = useInvalidateKeys();
  return useMutation({
    mutationFn: (body: { name: string; expiresInDays?: number }) => api.post<CreatedApiKey>('/api/v1/me/api-keys', body),
    onSuccess: invalidate,
  });
}

export function useRevokeApiKey() {
  const invalidate = useInvalidateKeys();
  return useMutation({
    mutationFn: (keyId: string) => api.delete(`/api/v1/me/api-keys/${encodeURIComponent(keyId)}`),
    onSuccess: invalidate,
  });
}
