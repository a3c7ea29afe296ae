import type { Deps } from '../../../platform/context';
import { groupBy, itemKey, publishBatch, type SendItem, type SendOutcome, type WrittenBatch, writeBatch } from './write-batch';

interface Pending {
  item: SendItem;
  resolve(outcome: SendOutcome): void;
  reject(err: unknown): void;
}

/** Sends with the same client key, in arrival order: the first is written, the rest repeat it. */
type Group = Pending[];

const MAX_BATCH = 200;
/**
 * Under load (a flush ended moments ago) a flush waits this long for more
 * sends to join it. A flush has a fixed cost (on PGlite, parsing and planning
 * its statement dominate a small batch), so fewer, larger flushes leave the
 * CPU for fan-out; an idle writer still flushes on the next tick.
 */
const LINGER_MS = 2;
const BUSY_WINDOW_MS = 10;

/**
 * Coalesces concurrent sends into one write per flush (group commit): at
 * 1,000+ messages a second a transaction per message would spend most of its
 * time committing. A flush starts on the next turn of the event loop, or at
 * once when MAX_BATCH sends wait. One batch is written at a time; as soon as
 * it is stored the next one goes to the database, and the stored one fans
 * out meanwhile, so writing and delivering overlap instead of taking turns.
 */
export class MessageWriter {
  private queue: Pending[] = [];
  private writing = false;
  private scheduled = false;
  private lastWriteEnd = 0;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly deps: Pick<Deps, 'db' | 'bus' | 'log'>) {}

  send(item: SendItem): Promise<SendOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length >= MAX_BATCH) this.kick();
      else if (!this.scheduled) {
        this.scheduled = true;
        const run = () => {
          this.scheduled = false;
          this.kick();
        };
        if (performance.now() - this.lastWriteEnd < BUSY_WINDOW_MS) setTimeout(run, LINGER_MS);
        else setImmediate(run);
      }
    });
  }

  /** Resolves once every queued send has been written and announced (app shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0 || this.queue.length > 0) {
      this.kick();
      await Promise.all(this.inFlight);
    }
  }

  private kick(): void {
    if (this.writing || this.queue.length === 0) return;
    this.writing = true;
    const flush = this.flush(this.queue.splice(0, MAX_BATCH));
    this.inFlight.add(flush);
    void flush.finally(() => this.inFlight.delete(flush));
  }

  /** The database is free for the next batch; sends that arrived meanwhile must not wait for another tick. */
  private release(): void {
    this.writing = false;
    this.lastWriteEnd = performance.now();
    this.kick();
  }

  private async flush(batch: Pending[]): Promise<void> {
    const groups: Map<string, Group> = groupBy(batch, (p) => itemKey(p.item));
    let written: WrittenBatch;
    try {
      written = await writeBatch(this.deps, [...groups.values()].map((g) => g[0]!.item));
    } catch (err) {
      if (groups.size === 1) rejectAll([...groups.values()][0]!, err);
      else {
        this.deps.log.warn({ err, size: groups.size }, 'message batch failed; writing its sends one by one');
        for (const group of groups.values()) await this.writeAlone(group);
      }
      return this.release();
    }
    this.release();
    await this.publish(written);
    for (const [key, group] of groups) settle(group, written.outcomes.get(key));
  }

  /** A bad send (say, into a conversation deleted meanwhile) fails alone instead of taking its batch with it. */
  private async writeAlone(group: Group): Promise<void> {
    try {
      const written = await writeBatch(this.deps, [group[0]!.item]);
      await this.publish(written);
      settle(group, written.outcomes.get(itemKey(group[0]!.item)));
    } catch (err) {
      rejectAll(group, err);
    }
  }

  /**
   * The sends are stored whatever happens here: a failed announcement (Redis
   * unreachable) is logged, and sockets still get the events from the
   * durable log when their stream fills the gap.
   */
  private async publish(written: WrittenBatch): Promise<void> {
    try {
      await publishBatch(this.deps.bus, written.writes);
    } catch (err) {
      this.deps.log.warn({ err }, 'could not announce a written message batch');
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
