import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Search, X } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { Page } from '../../ui/page';
import { canManage } from '../workspaces/api';
import { useCurrentWorkspace } from '../workspaces/use-current-workspace';
import { useWorkspaceAuditLog } from './api';
import { AuditTable } from './audit-table';

const route = getRouteApi('/app/w/$workspaceId/audit-log');

export function AuditLogPage() {
  const workspace = useCurrentWorkspace();
  if (!canManage(workspace.role)) {
    return (
      <Page title="Audit log">
        <Alert tone="info" role="status">Only owners and admins can view the audit log.</Alert>
      </Page>
    );
  }
  return <AuditLog workspaceId={workspace.id} />;
}

function AuditLog({ workspaceId }: { workspaceId: string }) {
  const { action } = route.useSearch();
  const query = useWorkspaceAuditLog(workspaceId, action);
  return (
    <Page title="Audit log" description="Every administrative change in this workspace: who, what, when and from where." className="max-w-6xl">
      <ActionFilter key={action ?? ''} initial={action ?? ''} />
      <AuditTable query={query} emptyText={action ? `Nothing recorded for "${action}".` : 'Changes to members, invites and settings will appear here.'} />
    </Page>
  );
}

/** The filter lives in the URL (?action=), so a filtered view can be shared or reloaded. */
function ActionFilter({ initial }: { initial: string }) {
  const navigate = useNavigate({ from: '/w/$workspaceId/audit-log' });
  const [value, setValue] = useState(initial);
  const apply = (action: string) => navigate({ search: { action: action.trim() || undefined } });

  function submit(e: FormEvent) {
    e.preventDefault();
    void apply(value);
  }
  return (
    <form role="search" onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <div className="grid min-w-64 flex-1 gap-1.5 sm:max-w-sm">
        <label htmlFor="audit-action" className="text-sm font-medium">Filter by action</label>
        <Input id="audit-action" placeholder="e.g. member.role_changed" value={value} onChange={(e) => setValue(e.target.value)} />
      </div>
      <Button type="submit" variant="secondary">
        <Search aria-hidden /> Filter
      </Button>
      {initial && (
        <Button variant="ghost" onClick={() => apply('')}>
          <X aria-hidden /> Clear
        </Button>
      )}
    </form>
  );
}
