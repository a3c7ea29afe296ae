import type { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { Spinner } from '../ui/feedback';
import {
  accountRoute,
  appRoute,
  conversationRoute,
  indexRoute,
  newWorkspaceRoute,
  threadRoute,
  workspaceAuditRoute,
  workspaceHomeRoute,
  workspaceMembersRoute,
  workspaceRoute,
  workspaceSettingsRoute,
} from './app-routes';
import { forgotPasswordRoute, inviteRoute, resetPasswordRoute, signInRoute, signUpRoute, verifyEmailRoute } from './public-routes';
import { rootRoute } from './root';

/** The whole route tree, code-based (no file-route codegen). */
export const routeTree = rootRoute.addChildren([
  indexRoute,
  signInRoute,
  signUpRoute,
  verifyEmailRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  inviteRoute,
  appRoute.addChildren([
    newWorkspaceRoute,
    accountRoute,
    workspaceRoute.addChildren([
      workspaceHomeRoute,
      conversationRoute.addChildren([threadRoute]),
      workspaceSettingsRoute,
      workspaceMembersRoute,
      workspaceAuditRoute,
    ]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Data freshness is TanStack Query's job; the router just awaits ensureQueryData.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: () => <Spinner />,
    defaultPendingMs: 300,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
