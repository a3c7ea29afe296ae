import type { WorkspaceCtx } from '../../../platform/context';
import { badRequest } from '../../../platform/errors';
import { listMembers } from '../../workspaces/index';
import { buildMentionDirectory, type MentionDirectory } from '../entities';
import { chatRuntime } from './runtime';

/** People put into a conversation must belong to the workspace (read fresh: this guards membership). */
export async function requireWorkspaceMembers(ctx: WorkspaceCtx, userIds: string[]): Promise<void> {
  const known = new Set((await listMembers(ctx)).map((m) => m.userId));
  const strangers = userIds.filter((id) => !known.has(id));
  if (strangers.length > 0) throw badRequest('Only members of this workspace can be added', { userIds: strangers });
}

/** Who `@name` can mean in this workspace; cached, refreshed when members join or leave. */
export function mentionDirectory(ctx: WorkspaceCtx): Promise<MentionDirectory> {
  return chatRuntime(ctx).directories.get(ctx.workspaceId, async () => buildMentionDirectory(await listMembers(ctx)));
}
