import type { AuditPage } from '@aio/contracts';
import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../lib/api';
import { workspaceApiBase, workspaceKeys } from '../workspaces/api';

const PAGE_SIZE = 50;

/** Cursor-paged audit entries from `path` (workspace audit log or my security log). */
function auditPages(queryKey: readonly unknown[], path: string, action?: string) {
  return infiniteQueryOptions({
    queryKey: [...queryKey, { action: action ?? null }],
    queryFn: ({ pageParam, signal }) =>
      api.get<AuditPage>(withQuery(path, { cursor: pageParam, limit: PAGE_SIZE, action }), signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useWorkspaceAuditLog(workspaceId: string, action?: string) {
  return useInfiniteQuery(
    auditPages([...workspaceKeys.detail(workspaceId), 'audit-log'], `${workspaceApiBase(workspaceId)}/audit-log`, action),
  );
}

export function useSecurityLog() {
  return useInfiniteQuery(auditPages(['me', 'security-log'], '/api/v1/me/security-log'));
}
