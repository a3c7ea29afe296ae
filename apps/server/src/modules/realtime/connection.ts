import { type Role, type ServerFrame, WS_CLOSE } from '@aio/contracts';
import type { WebSocket } from 'ws';
import type { WorkspaceCtx } from '../../platform/context';
import type { Metrics } from '../../platform/metrics';
import { MAX_BUFFERED_BYTES, REPLAY_HIGH_WATER_BYTES, TYPING_THROTTLE_MS } from './limits';
import type { StreamEvent } from './seq-stream';

/** hello: waiting for the first frame; syncing: replaying; live: on the room's stream. */
export type ConnectionState = 'hello' | 'syncing' | 'live' | 'closed';

export interface SocketIdentity {
  userId: string;
  via: 'session' | 'api_key';
  ip: string;
}

/** The ws socket's own OPEN state (ws.OPEN), without importing the class at runtime. */
const OPEN = 1;
/** Buffers go out as text frames: our frames are JSON. */
const TEXT = { binary: false };

/**
 * A frame serialised and UTF-8 encoded once for every socket that gets it:
 * handed a string, ws would encode it again for each socket.
 */
export type WireFrame = Buffer;
export const encodeFrame = (frame: ServerFrame): WireFrame => Buffer.from(JSON.stringify(frame));

/**
 * One client socket. Kept small on purpose (thousands per node): plain
 * fields, no timers (the gateway's shared intervals look after deadlines and
 * pings), and the typing throttle map only once the client types.
 */
export class Connection {
  state: ConnectionState = 'hello';
  workspaceId = '';
  role: Role = 'guest';
  readonly openedAt = Date.now();
  /** Pings sent since the last pong. */
  missedPongs = 0;
  /** Which of the gateway's ping ticks pings this socket. */
  pingSlot = 0;
  /** Last hello or heartbeat, and whether the client said it is idle: presence reads these. */
  lastHeartbeatAt = Date.now();
  idle = false;
  /** Highest durable seq sent to this client (or skipped as not theirs during its catch-up). */
  sentSeq = 0;
  /** Live events that arrived while catching up; null once live. */
  backlog: StreamEvent[] | null = null;
  /** The service context of this socket's calls (chat.ts), made once for its workspace and role. */
  serviceCtx: WorkspaceCtx | null = null;
  private typingAt: Map<string, number> | null = null;

  constructor(
    readonly socket: WebSocket,
    readonly identity: SocketIdentity,
    private readonly metrics: Metrics,
  ) {}

  get userId(): string {
    return this.identity.userId;
  }

  get isOpen(): boolean {
    return this.state !== 'closed' && this.socket.readyState === OPEN;
  }

  /**
   * Sends an already serialised frame. A client that does not read fast
   * enough is closed rather than buffered for without bound.
   */
  sendRaw(frame: WireFrame): boolean {
    if (!this.isOpen) return false;
    this.socket.send(frame, TEXT);
    this.metrics.wsFramesDelivered.inc();
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.metrics.wsSlowConsumerDisconnects.inc();
      this.close(WS_CLOSE.SLOW_CONSUMER, 'slow consumer');
      return false;
    }
    return true;
  }

  send(frame: ServerFrame): boolean {
    return this.sendRaw(encodeFrame(frame));
  }

  /**
   * Sends for replay: above the high-water mark it waits until the kernel has
   * taken everything, so a long resume never trips the slow-consumer limit.
   */
  async sendPaced(frame: WireFrame): Promise<boolean> {
    if (this.socket.bufferedAmount < REPLAY_HIGH_WATER_BYTES) return this.sendRaw(frame);
    if (!this.isOpen) return false;
    // The callback runs once the frame (and so all before it) is written, or with an error once the socket is gone.
    await new Promise<void>((resolve) => this.socket.send(frame, TEXT, () => resolve()));
    this.metrics.wsFramesDelivered.inc();
    return this.isOpen;
  }

  close(code: number, reason: string): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.backlog = null;
    this.socket.close(code, reason);
  }

  /** At most one typing notice per conversation every few seconds from one connection. */
  allowTyping(conversationId: string, now = Date.now()): boolean {
    this.typingAt ??= new Map();
    const last = this.typingAt.get(conversationId);
    if (last !== undefined && now - last < TYPING_THROTTLE_MS) return false;
    // Forget stale entries so a client typing in many rooms does not grow the map.
    for (const [id, at] of this.typingAt) if (now - at >= TYPING_THROTTLE_MS) this.typingAt.delete(id);
    this.typingAt.set(conversationId, now);
    return true;
  }
}
