import type { Me } from '@aio/contracts';
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, rememberCsrfToken } from '../../lib/api';

export interface SessionData {
  csrfToken: string;
  user: Me | null;
}

/** GET /api/v1/session is the single source of "am I signed in?". */
export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: async ({ signal }) => {
    const session = await api.get<SessionData>('/api/v1/session', signal);
    rememberCsrfToken(session.csrfToken);
    return session;
  },
  staleTime: 5 * 60_000,
});

/** Refetch now (after sign-in/out, verification, 2FA changes) and wait for it. */
export function refreshSession(queryClient: QueryClient): Promise<SessionData> {
  return queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
}

export function useSession() {
  return useQuery(sessionQuery);
}

/**
 * The signed-in user inside the app shell. The shell's route guard has already
 * loaded the session, so `user` is present there.
 */
export function useCurrentUser(): Me {
  const { data } = useQuery(sessionQuery);
  if (!data?.user) throw new Error('useCurrentUser() used outside the signed-in area');
  return data.user;
}
