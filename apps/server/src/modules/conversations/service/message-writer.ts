import type { Deps } from '../../../platform/context';
import { groupBy, itemKey, publishBatch, type SendItem, type SendOutcome, type WrittenBatch, writeBatch } from './write-batch';

interface Pending {
  item: SendItem;
  /** When it reached the writer (performance.now()), for aio_message_store_seconds. */
  queuedAt: number;
  resolve(outcome: SendOutcome): void;
  reject(err: unknown): void;
}

/** Sends with the same client key, in arrival order: the first is written, the rest repeat it. */
type Group = Pending[];

const MAX_BATCH = 200;
/**
 * Flushes are paced by load. A write has a fixed cost whatever it carries (on
 * PGlite about a millisecond of its thread for the call, and a quarter to a
 * third of that per message), so while sends are few the writer flushes at
 * once, and as they grow it starts a flush at most every `pace` ms so that
 * more sends share each write. The pace is a millisecond per 100 sends a
 * second: 2 ms below 200 (no wait at all when sends come further apart than
 * that), 5 ms at 500, and its 8 ms cap from 800 on, where fuller writes keep
 * the ceiling up. At 500 sends a second 5 ms instead of 8 cut send → stored's
 * p99 from ~19 to ~14 ms and the fan-out's p99 by about 4 ms, for ~5% more
 * CPU a message (docs/benchmarks.md, session of 2026-12-02); the 8 ms cap
 * there had been chosen while WAL segment stalls hid its tail.
 */
const MIN_PACE_MS = 2;
const MAX_PACE_MS = 8;
const SENDS_PER_SECOND_PER_PACE_MS = 100;
/** Weight of the newest gap in the moving average of the time between sends. */
const GAP_SMOOTHING = 0.05;

/**
 * Coalesces concurrent sends into one write per flush (group commit): at
 * 1,000+ messages a second a transaction per message would spend most of its
 * time committing. One batch is written at a time; as soon as it is stored
 * the next one may go to the database, and the stored one fans out
 * meanwhile, so writing and delivering overlap instead of taking turns.
 */
export class MessageWriter {
  private queue: Pending[] = [];
  private writing = false;
  private scheduled = false;
  private lastFlushStart = Number.NEGATIVE_INFINITY;
  private lastArrival = 0;
  private meanGapMs = 1000;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly deps: Pick<Deps, 'db' | 'bus' | 'log' | 'metrics'>) {}

  send(item: SendItem): Promise<SendOutcome> {
    return new Promise((resolve, reject) => {
      const queuedAt = this.noteArrival();
      this.queue.push({ item, queuedAt, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once every queued send has been written and announced (app shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0 || this.queue.length > 0) {
      this.kick();
      await Promise.all(this.inFlight);
    }
  }

  /** Updates the send rate and returns the arrival time. */
  private noteArrival(): number {
    const now = performance.now();
    this.meanGapMs += (Math.min(now - this.lastArrival, 1000) - this.meanGapMs) * GAP_SMOOTHING;
    this.lastArrival = now;
    return now;
  }

  private paceMs(): number {
    const perSecond = 1000 / Math.max(this.meanGapMs, 0.001);
    return Math.min(MAX_PACE_MS, Math.max(MIN_PACE_MS, perSecond / SENDS_PER_SECOND_PER_PACE_MS));
  }

  /**
   * The next flush: at once when a full batch waits; otherwise one pace after
   * the last one started, and no sooner than the next turn of the event loop
   * (sends read from many sockets in one poll phase share it).
   */
  private schedule(): void {
    if (this.writing || this.queue.length === 0) return;
    if (this.queue.length >= MAX_BATCH) return this.kick();
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      this.kick();
    };
    const wait = this.lastFlushStart + this.paceMs() - performance.now();
    if (wait > 0) setTimeout(run, wait);
    else setImmediate(run);
  }

  private kick(): void {
    if (this.writing || this.queue.length === 0) return;
    this.writing = true;
    this.lastFlushStart = performance.now();
    const flush = this.flush(this.queue.splice(0, MAX_BATCH));
    this.inFlight.add(flush);
    void flush.finally(() => this.inFlight.delete(flush));
  }

  /** The database is free for the next batch. */
  private release(): void {
    this.writing = false;
    this.schedule();
  }

  private async flush(batch: Pending[]): Promise<void> {
    const groups: Map<string, Group> = groupBy(batch, (p) => itemKey(p.item));
    let written: WrittenBatch;
    const started = performance.now();
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
    this.observe(batch, started, groups.size);
    this.release();
    await this.publish(written);
    for (const [key, group] of groups) settle(group, written.outcomes.get(key));
  }

  /** The metrics of a stored batch: its write, its size (messages written), each send's wait plus write. */
  private observe(batch: Pending[], started: number, writes: number): void {
    const { metrics } = this.deps;
    const stored = performance.now();
    metrics.messageBatchWriteSeconds.observe((stored - started) / 1000);
    metrics.messageBatchSize.observe(writes);
    for (const p of batch) metrics.messageStoreSeconds.observe((stored - p.queuedAt) / 1000);
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
