import { Link } from '@tanstack/react-router';
import { ChevronRight, ScrollText, Settings, Users } from 'lucide-react';
import type { ReactNode } from 'react';
import { formatDate } from '../../lib/format';
import { WorkspaceMark } from '../../ui/avatar';
import { Badge } from '../../ui/badge';
import { Card } from '../../ui/card';
import { ChatOverview } from '../chat/overview/chat-overview';
import { canManage } from './api';
import { ROLE_LABELS } from './roles';
import { useCurrentWorkspace } from './use-current-workspace';

/**
 * Workspace home at /w/:workspaceId: the workspace at a glance, its recent
 * conversations (the channels themselves are in the sidebar) and management.
 */
export function WorkspaceHomePage() {
  const workspace = useCurrentWorkspace();
  const params = { workspaceId: workspace.id };
  const admin = canManage(workspace.role);
  return (
    <div className="mx-auto grid w-full max-w-4xl gap-6 px-4 py-8 sm:px-8">
      <header className="flex items-center gap-4">
        <WorkspaceMark name={workspace.name} className="size-12 rounded-xl text-xl" />
        <div className="grid gap-1">
          <h1 className="text-xl font-semibold tracking-tight">{workspace.name}</h1>
          <p className="flex flex-wrap items-center gap-2 text-sm text-muted">
            <Badge tone="primary">{ROLE_LABELS[workspace.role]}</Badge>
            <span>{workspace.memberCount} {workspace.memberCount === 1 ? 'member' : 'members'}</span>
            <span aria-hidden>·</span>
            <span>Created {formatDate(workspace.createdAt)}</span>
          </p>
        </div>
      </header>

      <Card aria-labelledby="team-chat-title" data-testid="team-chat-area">
        <ChatOverview workspaceId={workspace.id} />
      </Card>

      <section aria-labelledby="manage-title" className="grid gap-3">
        <h2 id="manage-title" className="text-sm font-medium text-muted">Manage workspace</h2>
        <div className="grid gap-3 sm:grid-cols-3">
          <LinkCard icon={<Users />} title="Members" body={admin ? 'Invite people and manage roles' : 'See who is in this workspace'}>
            <Link to="/w/$workspaceId/members" params={params} className="absolute inset-0 rounded-xl" aria-label="Members" />
          </LinkCard>
          <LinkCard icon={<Settings />} title="Settings" body="Name, time zone and invite expiry">
            <Link to="/w/$workspaceId/settings" params={params} className="absolute inset-0 rounded-xl" aria-label="Settings" />
          </LinkCard>
          {admin && (
            <LinkCard icon={<ScrollText />} title="Audit log" body="Who changed what, and when">
              <Link to="/w/$workspaceId/audit-log" params={params} search={{}} className="absolute inset-0 rounded-xl" aria-label="Audit log" />
            </LinkCard>
          )}
        </div>
      </section>
    </div>
  );
}

/** A card whose whole surface is the link (the Link child is stretched over it). */
function LinkCard({ icon, title, body, children }: { icon: ReactNode; title: string; body: string; children: ReactNode }) {
  return (
    <Card className="group relative flex items-start gap-3 p-4 transition-colors hover:bg-surface-2 focus-within:ring-2 focus-within:ring-ring">
      <span className="rounded-lg bg-accent p-2 text-accent-foreground [&_svg]:size-4" aria-hidden>{icon}</span>
      <span className="grid flex-1 gap-0.5">
        <span className="text-sm font-medium">{title}</span>
        <span className="text-[13px] text-muted">{body}</span>
      </span>
      <ChevronRight className="size-4 text-muted transition-transform group-hover:translate-x-0.5" aria-hidden />
      {children}
    </Card>
  );
}
