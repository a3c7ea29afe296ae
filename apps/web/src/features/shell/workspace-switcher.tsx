import { Link } from '@tanstack/react-router';
import { Building2, Check, ChevronsUpDown, Plus } from 'lucide-react';
import { WorkspaceMark } from '../../ui/avatar';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '../../ui/dropdown-menu';
import { ROLE_LABELS } from '../workspaces/roles';
import { useWorkspaces } from '../workspaces/api';

/** Dropdown of my workspaces plus "Create workspace". */
export function WorkspaceSwitcher({ currentId }: { currentId: string | undefined }) {
  const { data: workspaces = [] } = useWorkspaces();
  const current = workspaces.find((w) => w.id === currentId);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex w-full items-center gap-2.5 rounded-lg p-1.5 text-left transition-colors hover:bg-surface-2 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none data-[state=open]:bg-surface-2"
        aria-label={current ? `Current workspace: ${current.name}. Switch workspace` : 'Choose a workspace'}
      >
        {current ? (
          <WorkspaceMark name={current.name} />
        ) : (
          <span className="inline-flex size-7 items-center justify-center rounded-md border border-dashed text-muted" aria-hidden>
            <Building2 className="size-4" />
          </span>
        )}
        <span className="grid min-w-0 flex-1">
          <span className="truncate text-sm font-semibold">{current?.name ?? 'Choose a workspace'}</span>
          {current && <span className="truncate text-xs text-muted">{ROLE_LABELS[current.role]} · {plural(current.memberCount, 'member')}</span>}
        </span>
        <ChevronsUpDown className="size-4 shrink-0 text-muted" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-60">
        <DropdownMenuLabel>Workspaces</DropdownMenuLabel>
        {workspaces.map((w) => (
          <DropdownMenuItem key={w.id} asChild>
            <Link to="/w/$workspaceId" params={{ workspaceId: w.id }}>
              <WorkspaceMark name={w.name} className="size-5 rounded text-[11px]" />
              <span className="flex-1 truncate">{w.name}</span>
              {w.id === currentId && <Check className="!text-primary" aria-label="Current" />}
            </Link>
          </DropdownMenuItem>
        ))}
        {workspaces.length > 0 && <DropdownMenuSeparator />}
        <DropdownMenuItem asChild>
          <Link to="/new-workspace">
            <Plus aria-hidden /> Create workspace
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
