/** A socket whose unsent bytes pass this is closed with 4008: memory per client stays bounded. */
export const MAX_BUFFERED_BYTES = 1024 * 1024;

/** Replay pauses for the socket to drain above this, so a resume never trips the slow-consumer limit. */
export const REPLAY_HIGH_WATER_BYTES = 256 * 1024;

/** A client further behind than this many events is told to resync instead of being replayed to. */
const MAX_REPLAY_EVENTS = 5_000;

/** Gaps in the live stream are read back from the log in pages of this many events. */
export const GAP_FILL_PAGE = 5_000;

/** Durable events older than this are pruned daily; clients away longer resync. */
export const EVENT_RETENTION_DAYS = 7;

/** Typing frames per connection and conversation are passed on at most this often. */
export const TYPING_THROTTLE_MS = 3_000;

/**
 * Timings and limits of the gateway. Production uses the defaults; tests
 * shorten them so that "away after a minute" shows in a fraction of a second.
 */
export interface RealtimeOptions {
  /** The first frame must be a hello within this. */
  helloTimeoutMs: number;
  /** Server pings this often; a socket that missed two pongs is terminated. */
  pingIntervalMs: number;
  /** No active heartbeat for this long: away. */
  awayAfterMs: number;
  /** After the last connection closed, offline only after this grace (a reload does not flap). */
  offlineGraceMs: number;
  /** How often presence is recomputed and its shared record refreshed. */
  presenceSweepMs: number;
  /** Presence changes are announced together, at most this long after they happen. */
  presenceBatchMs: number;
  /** A node's presence record lives this long without a refresh (a crashed node's entry fades). */
  presenceTtlMs: number;
  /** A gap in the live seq stream is filled from the database after this wait. */
  gapFillMs: number;
  /** A client further behind than this many events resyncs instead of being replayed to. */
  maxReplayEvents: number;
}

export const DEFAULT_OPTIONS: RealtimeOptions = {
  helloTimeoutMs: 10_000,
  pingIntervalMs: 30_000,
  awayAfterMs: 60_000,
  offlineGraceMs: 10_000,
  presenceSweepMs: 5_000,
  presenceBatchMs: 500,
  presenceTtlMs: 90_000,
  gapFillMs: 1_000,
  maxReplayEvents: MAX_REPLAY_EVENTS,
};
