import type { Deps } from '../../../platform/context';
import { groupBy, itemKey, type SendItem, type SendOutcome, writeBatch } from './write-batch';

interface Pending {
  item: SendItem;
  resolve(outcome: SendOutcome): void;
  reject(err: unknown): void;
}

/** Sends with the same client key, in arrival order: the first is written, the rest repeat it. */
type Group = Pending[];

const MAX_BATCH = 200;

/**
 * Coalesces concurrent sends into one transaction per flush (group commit):
 * at 1,000+ messages a second a transaction per message would spend most of
 * its time committing. A flush starts on the next turn of the event loop, or
 * at once when MAX_BATCH sends wait; only one runs at a time, and sends that
 * arrive meanwhile form the next batch.
 */
export class MessageWriter {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private scheduled = false;

  constructor(private readonly deps: Pick<Deps, 'db' | 'bus' | 'log'>) {}

  send(item: SendItem): Promise<SendOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length >= MAX_BATCH) this.kick();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.kick();
        });
      }
    });
  }

  /** Resolves once every queued send has been written (app shutdown). */
  async drain(): Promise<void> {
    while (this.flushing || this.queue.length > 0) {
      this.kick();
      await this.flushing;
    }
  }

  private kick(): void {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = this.flushAll().finally(() => {
      this.flushing = null;
      // Sends that arrived during the last write must not wait for another one.
      if (this.queue.length > 0) this.kick();
    });
  }

  private async flushAll(): Promise<void> {
    while (this.queue.length > 0) await this.flush(this.queue.splice(0, MAX_BATCH));
  }

  private async flush(batch: Pending[]): Promise<void> {
    const groups: Map<string, Group> = groupBy(batch, (p) => itemKey(p.item));
    try {
      const outcomes = await writeBatch(this.deps, [...groups.values()].map((g) => g[0]!.item));
      for (const [key, group] of groups) settle(group, outcomes.get(key));
    } catch (err) {
      if (groups.size === 1) return rejectAll([...groups.values()][0]!, err);
      this.deps.log.warn({ err, size: groups.size }, 'message batch failed; writing its sends one by one');
      for (const group of groups.values()) await this.writeAlone(group);
    }
  }

  /** A bad send (say, into a conversation deleted meanwhile) fails alone instead of taking its batch with it. */
  private async writeAlone(group: Group): Promise<void> {
    try {
      const outcomes = await writeBatch(this.deps, [group[0]!.item]);
      settle(group, outcomes.get(itemKey(group[0]!.item)));
    } catch (err) {
      rejectAll(group, err);
    }
  }
}

function settle(group: Group, outcome: SendOutcome | undefined): void {
  if (!outcome) return rejectAll(group, new Error('a send got no outcome from its batch'));
  group.forEach((p, i) => p.resolve(i === 0 ? outcome : { row: outcome.row, duplicate: true }));
}

function rejectAll(group: Group, err: unknown): void {
  for (const p of group) p.reject(err);
}
