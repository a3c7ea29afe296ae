import type { MemberStatus, Presence } from '@aio/contracts';
import type { Deps } from '../../../platform/context';
import { readMemberStatuses } from '../chat';
import type { PresenceState } from './store';

/** A custom status as everyone sees it: an expired one reads as none. */
export function statusFields(status: MemberStatus | undefined, now = Date.now()): Pick<Presence, 'statusText' | 'statusEmoji' | 'statusExpiresAt'> {
  if (!status || (status.expiresAt !== null && Date.parse(status.expiresAt) <= now)) {
    return { statusText: '', statusEmoji: '', statusExpiresAt: null };
  }
  return { statusText: status.text, statusEmoji: status.emoji, statusExpiresAt: status.expiresAt };
}

/** Tells the workspace (every node) that someone's presence changed, with their status alongside. */
export async function announcePresence(deps: Deps, change: { workspaceId: string; userId: string; presence: PresenceState }): Promise<void> {
  const { workspaceId, userId, presence } = change;
  try {
    const statuses = await readMemberStatuses(deps, workspaceId, [userId]);
    await deps.bus.emit('realtime.presence', { workspaceId, userId, presence, ...statusFields(statuses.get(userId)) });
  } catch (err) {
    deps.log.warn({ err, workspaceId, userId }, 'could not announce a presence change');
  }
}
