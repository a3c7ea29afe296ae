import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { refreshSession } from './session';

/** After a successful sign-in: reload the session, then go where the user was heading. */
export function useFinishSignIn(redirect: string | undefined) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    // Drop anything cached for a previous account before the new session loads.
    queryClient.clear();
    await refreshSession(queryClient);
    await navigate({ href: redirect ?? '/', replace: true });
  };
}
