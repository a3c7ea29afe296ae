import type { Socket } from 'node:net';
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
/** RFC 6455 §5.2: FIN set, opcode 1 (text); frames from a server are not masked. */
const FIN_TEXT = 0x81;

/**
 * A server frame as WebSocket wire bytes: JSON in one unmasked text frame,
 * serialised, encoded and framed once for every socket that gets it. Handed
 * to ws, each socket would frame it again (a header buffer, a corked pair of
 * writes and their bookkeeping per socket: a third of what the fan-out
 * allocated); written as it is, a delivery is one write of a shared buffer.
 */
export type WireFrame = Buffer;
export function encodeFrame(frame: ServerFrame): WireFrame {
  const json = JSON.stringify(frame);
  const length = Buffer.byteLength(json);
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const wire = Buffer.allocUnsafe(headerLength + length);
  wire[0] = FIN_TEXT;
  if (headerLength === 2) wire[1] = length;
  else if (headerLength === 4) (wire[1] = 126), wire.writeUInt16BE(length, 2);
  else (wire[1] = 127), wire.writeBigUInt64BE(BigInt(length), 2);
  wire.write(json, headerLength, 'utf8');
  return wire;
}

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

  /**
   * @param socket the WebSocket: state, pings, close
   * @param wire its TCP socket, which takes our already framed frames (ws
   *   writes each of its own frames whole and at once, so frames never interleave)
   */
  constructor(
    readonly socket: WebSocket,
    private readonly wire: Socket,
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
    this.wire.write(frame);
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
    await new Promise<void>((resolve) => this.wire.write(frame, () => resolve()));
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
