import type { Presence } from '@aio/contracts';
import type { WorkspaceCtx } from '../../../platform/context';
import { forbidden } from '../../../platform/errors';
import { listMembers } from '../../workspaces/index';
import { readMemberStatuses } from '../chat';
import { canViewPresence } from '../policies';
import { statusFields } from './announce';
import type { PresenceStore } from './store';

/** Every member of the workspace with their presence (from all nodes) and custom status. */
export async function listPresence(ctx: WorkspaceCtx, store: PresenceStore): Promise<Presence[]> {
  if (!canViewPresence(ctx.role)) throw forbidden('You cannot see who is online here');
  const userIds = (await listMembers(ctx)).map((m) => m.userId);
  const states = await store.read(ctx.workspaceId, userIds);
  const statuses = await readMemberStatuses(ctx, ctx.workspaceId, userIds);
  return userIds.map((userId) => ({ userId, presence: states.get(userId) ?? 'offline', ...statusFields(statuses.get(userId)) }));
}
