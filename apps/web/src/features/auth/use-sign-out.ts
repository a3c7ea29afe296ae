import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { authClient } from './auth-client';

/**
 * Signs out (this device, or everywhere) and lands on sign-in; `redirect`
 * brings the user back afterwards (e.g. to an invite for another account).
 */
export function useSignOut(options: { everywhere?: boolean; redirect?: string } = {}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => (options.everywhere ? authClient.revokeSessions() : authClient.signOut()),
    onSuccess: async () => {
      // Nothing from the old session may leak into the next one.
      queryClient.clear();
      await navigate({ to: '/sign-in', search: { redirect: options.redirect }, replace: true });
    },
  });
}
