import type { ServerEventFrame } from '@aio/contracts';
import type { Logger } from '../../platform/logger';
import type { RecordedEvent } from '../../platform/events/log';
import { encodeFrame, type WireFrame } from './connection';
import { GAP_FILL_PAGE } from './limits';

/** A durable event with its wire frame, serialised once for every socket that gets it. */
export interface StreamEvent extends RecordedEvent {
  frame: WireFrame;
  /** Set by the room for a new public channel: who is in it. */
  joinedUserIds?: string[];
}

export function toStreamEvent(event: RecordedEvent): StreamEvent {
  const frame: ServerEventFrame = { type: 'event', seq: event.seq, name: event.name, data: event.payload };
  return { ...event, frame: encodeFrame(frame) };
}

export interface SeqStreamOptions {
  gapFillMs: number;
  /** Reads committed events after a seq from the durable log. */
  readAfter(afterSeq: number, limit: number): Promise<RecordedEvent[]>;
  /** Returns a promise when delivery must wait for something: later events wait for it too. */
  deliver(event: StreamEvent): void | Promise<void>;
  log: Logger;
}

/**
 * Puts one workspace's durable events into seq order. Seqs are dense and
 * commit in order, but producers emit after commit, so two transactions'
 * events can reach the bus swapped, or not at all (a crash between commit and
 * emit, a Redis reconnect). Early events wait for the missing ones; a gap
 * still open after `gapFillMs` is filled from the database. Every event is
 * delivered once, in seq order.
 */
export class SeqStream {
  /** Last seq delivered; -1 until started. */
  private cursor = -1;
  private readonly held = new Map<number, RecordedEvent>();
  private gapTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private paused = false;

  constructor(private readonly opts: SeqStreamOptions) {}

  get position(): number {
    return this.cursor;
  }

  /** Starts delivering after `cursor` (the log's current seq when the stream began). */
  start(cursor: number): void {
    this.cursor = cursor;
    for (const seq of this.held.keys()) if (seq <= cursor) this.held.delete(seq);
    this.drain();
  }

  push(event: RecordedEvent): void {
    if (this.stopped || (this.cursor >= 0 && event.seq <= this.cursor)) return;
    this.held.set(event.seq, event);
    if (this.cursor >= 0) this.drain();
  }

  stop(): void {
    this.stopped = true;
    this.held.clear();
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.gapTimer = null;
  }

  private drain(): void {
    while (!this.paused && !this.stopped) {
      const next = this.held.get(this.cursor + 1);
      if (!next) break;
      this.held.delete(next.seq);
      this.cursor = next.seq;
      const pending = this.opts.deliver(toStreamEvent(next));
      if (pending) this.pauseUntil(pending);
    }
    const gap = this.held.size > 0 && !this.held.has(this.cursor + 1);
    if (!gap && this.gapTimer) {
      clearTimeout(this.gapTimer);
      this.gapTimer = null;
    } else if (gap && !this.gapTimer && !this.stopped) {
      this.gapTimer = setTimeout(() => void this.fillGap(), this.opts.gapFillMs);
      this.gapTimer.unref();
    }
  }

  /** An event whose delivery needs a lookup first holds back the ones after it, so order is kept. */
  private pauseUntil(pending: Promise<void>): void {
    this.paused = true;
    const resume = () => {
      this.paused = false;
      this.drain();
    };
    pending.then(resume, resume);
  }

  private async fillGap(): Promise<void> {
    const firstHeld = Math.min(...this.held.keys());
    const missing = Math.min(firstHeld - this.cursor - 1, GAP_FILL_PAGE);
    const expected = this.cursor + 1;
    let logExhausted = false;
    try {
      const rows = await this.opts.readAfter(this.cursor, missing);
      logExhausted = rows.length < missing || rows[0]?.seq !== expected;
      for (const row of rows) this.push(row);
    } catch (err) {
      this.opts.log.warn({ err }, 'could not fill a gap in the event stream from the database');
    }
    this.gapTimer = null;
    if (this.stopped) return;
    if (logExhausted && this.held.size > 0 && !this.held.has(this.cursor + 1)) {
      // The log has nothing more before the held events: those seqs are gone (pruned), waiting cannot help.
      const resumeAt = Math.min(...this.held.keys());
      this.opts.log.warn({ from: this.cursor + 1, to: resumeAt - 1 }, 'event stream skipped seqs missing from the log');
      this.cursor = resumeAt - 1;
    }
    this.drain();
  }
}
