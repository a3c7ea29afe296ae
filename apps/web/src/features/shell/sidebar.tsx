import { Link, useParams } from '@tanstack/react-router';
import { Home, ScrollText, Settings, Users } from 'lucide-react';
import { ChatNav } from '../chat/sidebar/chat-nav';
import { canManage, lastWorkspaceId, useWorkspace, useWorkspaces } from '../workspaces/api';
import { ThemeToggle } from './theme-toggle';
import { UserMenu } from './user-menu';
import { WorkspaceSwitcher } from './workspace-switcher';

const navLinkClass =
  'flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm text-muted transition-colors hover:bg-surface-2 hover:text-foreground ' +
  'focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none ' +
  'data-[status=active]:bg-accent data-[status=active]:font-medium data-[status=active]:text-accent-foreground [&_svg]:size-4';

export function Sidebar() {
  const { workspaceId } = useParams({ strict: false });
  const { data: workspaces = [] } = useWorkspaces();
  // Outside /w/... (e.g. /account) keep showing the workspace the user was last in.
  // Only workspaces I am in: a deleted or left workspace in the URL gets no nav.
  const mine = (id: string | null | undefined) => workspaces.find((w) => w.id === id)?.id;
  const activeId = workspaceId ? mine(workspaceId) : (mine(lastWorkspaceId()) ?? workspaces[0]?.id);
  return (
    <div className="flex min-h-0 w-full flex-col gap-4 p-3">
      <WorkspaceSwitcher currentId={activeId} />
      {activeId && <WorkspaceNav workspaceId={activeId} />}
      {activeId && <ChatNav key={activeId} workspaceId={activeId} />}
      <div className="mt-auto grid gap-3 border-t pt-3">
        <div className="flex items-center justify-between px-1">
          <span className="text-xs text-muted">Theme</span>
          <ThemeToggle />
        </div>
        <UserMenu />
      </div>
    </div>
  );
}

const NAV = [
  { to: '/w/$workspaceId', label: 'Home', Icon: Home, adminOnly: false },
  { to: '/w/$workspaceId/members', label: 'Members', Icon: Users, adminOnly: false },
  { to: '/w/$workspaceId/settings', label: 'Settings', Icon: Settings, adminOnly: false },
  { to: '/w/$workspaceId/audit-log', label: 'Audit log', Icon: ScrollText, adminOnly: true },
] as const;

function WorkspaceNav({ workspaceId }: { workspaceId: string }) {
  const { data: workspace } = useWorkspace(workspaceId);
  const admin = workspace ? canManage(workspace.role) : false;
  return (
    <nav aria-label="Workspace" className="grid gap-0.5">
      <p className="px-2.5 pb-1 text-xs font-medium text-muted">Workspace</p>
      {NAV.filter((item) => admin || !item.adminOnly).map(({ to, label, Icon }) => (
        <Link
          key={to}
          to={to}
          params={{ workspaceId }}
          // Home is the parent of the other pages, so only an exact match marks it active.
          activeOptions={{ exact: to === '/w/$workspaceId', includeSearch: false }}
          className={navLinkClass}
        >
          <Icon aria-hidden /> {label}
        </Link>
      ))}
    </nav>
  );
}
