import type { Workspace } from '@aio/contracts';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { workspaceQuery } from './api';

/**
 * The workspace of the current `/w/$workspaceId/...` page. The route loader has
 * already fetched it, so this never suspends on first render.
 */
export function useCurrentWorkspace(): Workspace {
  const { workspaceId } = useParams({ strict: false });
  if (!workspaceId) throw new Error('useCurrentWorkspace() used outside /w/$workspaceId');
  return useSuspenseQuery(workspaceQuery(workspaceId)).data;
}
