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

/**
 * Tells a workspace (every node) whose presence changed, a batch at a time.
 * Announcing each change alone costs N frames per change, so a whole team
 * reconnecting after a deploy costs N² frames and N status reads; batched,
 * it costs N frames and one read per interval, and a user who flickers
 * within one interval is announced once, in their last state.
 */
export class PresenceAnnouncer {
  private readonly pending = new Map<string, Map<string, PresenceState>>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: Deps,
    private readonly batchMs: number,
  ) {}

  changed(workspaceId: string, userId: string, presence: PresenceState): void {
    let users = this.pending.get(workspaceId);
    if (!users) this.pending.set(workspaceId, (users = new Map()));
    users.set(userId, presence);
    this.timer ??= setTimeout(() => void this.flush(), this.batchMs);
  }

  /** Announces what is pending now (the timer, and shutdown). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batches = [...this.pending];
    this.pending.clear();
    await Promise.all(batches.map(([workspaceId, users]) => this.announce(workspaceId, users)));
  }

  private async announce(workspaceId: string, users: Map<string, PresenceState>): Promise<void> {
    try {
      const statuses = await readMemberStatuses(this.deps, workspaceId, [...users.keys()]);
      const list = [...users].map(([userId, presence]) => ({ userId, presence, ...statusFields(statuses.get(userId)) }));
      await this.deps.bus.emit('realtime.presence', { workspaceId, users: list });
    } catch (err) {
      this.deps.log.warn({ err, workspaceId, users: users.size }, 'could not announce presence changes');
    }
  }
}
