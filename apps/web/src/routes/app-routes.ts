import { createRoute, redirect } from '@tanstack/react-router';
import { AccountPage } from '../features/account/account-page';
import { ACCOUNT_TABS, type AccountTab } from '../features/account/tabs';
import { AuditLogPage } from '../features/audit/audit-log-page';
import { ChatPage } from '../features/chat/chat-page';
import { parseConversationSearch } from '../features/chat/routing';
import { MembersPage } from '../features/members/members-page';
import { AppShell } from '../features/shell/app-shell';
import { NewWorkspacePage } from '../features/workspaces/new-workspace-page';
import { WorkspaceErrorPage } from '../features/workspaces/workspace-error-page';
import { WorkspaceHomePage } from '../features/workspaces/workspace-home-page';
import { WorkspaceSettingsPage } from '../features/workspaces/workspace-settings-page';
import { lastWorkspaceId, rememberLastWorkspace, workspaceQuery, workspacesQuery } from '../features/workspaces/api';
import { compact, optionalString } from '../lib/redirect';
import { requireSignedIn } from './guards';
import { rootRoute } from './root';

/**
 * "/" only decides where to go. It sits outside the shell so a failed e-mail
 * verification (better-auth redirects to `/?error=…`) reaches /verify-email
 * even when signed out.
 */
export const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: (s: Record<string, unknown>) => compact({ error: optionalString(s.error, 100) }),
  beforeLoad: async ({ context, location, search }) => {
    if (search.error) throw redirect({ href: `/verify-email?${new URLSearchParams({ error: search.error })}` });
    await requireSignedIn({ context, location });
    const workspaces = await context.queryClient.ensureQueryData(workspacesQuery);
    const last = lastWorkspaceId();
    const target = workspaces.find((w) => w.id === last) ?? workspaces[0];
    if (!target) throw redirect({ to: '/new-workspace' });
    throw redirect({ to: '/w/$workspaceId', params: { workspaceId: target.id } });
  },
});

/** Pathless layout: everything inside needs a session and shows the shell. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: requireSignedIn,
  loader: ({ context }) => context.queryClient.ensureQueryData(workspacesQuery),
  component: AppShell,
});

export const newWorkspaceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/new-workspace',
  component: NewWorkspacePage,
});

export const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/account',
  validateSearch: (s: Record<string, unknown>): { tab?: AccountTab } =>
    ACCOUNT_TABS.includes(s.tab as AccountTab) ? { tab: s.tab as AccountTab } : {},
  component: AccountPage,
});

/** One workspace; children render inside the shell with the workspace loaded. */
export const workspaceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/w/$workspaceId',
  loader: async ({ context, params }) => {
    await context.queryClient.ensureQueryData(workspaceQuery(params.workspaceId));
    rememberLastWorkspace(params.workspaceId);
  },
  errorComponent: WorkspaceErrorPage,
});

/** The workspace home; the team chat will replace this page's body. */
export const workspaceHomeRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/',
  component: WorkspaceHomePage,
});

/** A team-chat conversation; `?at=<seq>` brings one message into view (search results, message links). */
export const conversationRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/c/$conversationId',
  validateSearch: parseConversationSearch,
  component: ChatPage,
});

/** The same page with a thread open beside the conversation (ChatPage reads the param). */
export const threadRoute = createRoute({
  getParentRoute: () => conversationRoute,
  path: '/t/$threadRootId',
});

export const workspaceSettingsRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/settings',
  component: WorkspaceSettingsPage,
});

export const workspaceMembersRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/members',
  component: MembersPage,
});

export const workspaceAuditRoute = createRoute({
  getParentRoute: () => workspaceRoute,
  path: '/audit-log',
  validateSearch: (s: Record<string, unknown>) => compact({ action: optionalString(s.action, 100) }),
  component: AuditLogPage,
});
