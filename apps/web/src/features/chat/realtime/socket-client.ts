import { WS_CLOSE, type ClientFrame, type ServerEventFrame, type ServerFrame } from '@aio/contracts';

export type ConnectionStatus = 'connecting' | 'open' | 'offline' | 'closed';
type Frame<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;

export interface SocketHandlers {
  /** `resumed`: the server replayed from our lastSeq, so nothing was missed. */
  onReady(frame: Frame<'ready'>, resumed: boolean): void;
  onEvent(frame: ServerEventFrame): void;
  onResync(frame: Frame<'resync'>): void;
  onTyping(frame: Frame<'typing'>): void;
  onPresence(frame: Frame<'presence'>): void;
  onStatus(status: ConnectionStatus): void;
}

/** Closes after which reconnecting cannot help: signed out, or not (any more) a member. */
const FATAL_CLOSES = new Set<number>([WS_CLOSE.UNAUTHENTICATED, WS_CLOSE.NOT_FOUND, WS_CLOSE.REMOVED]);
const MAX_BACKOFF_MS = 30_000;

const seqStorageKey = (workspaceId: string) => `aio.chat.lastSeq.${workspaceId}`;

function readStoredSeq(workspaceId: string): number | undefined {
  try {
    const n = Number(sessionStorage.getItem(seqStorageKey(workspaceId)));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One WebSocket to /api/v1/ws for one workspace: says hello with the last
 * event seq it processed (kept in memory and sessionStorage, so a reload
 * resumes), reconnects with exponential backoff plus jitter, and hands frames
 * to its handlers.
 */
export class WorkspaceSocket {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private lastSeq: number | undefined;

  constructor(
    private readonly workspaceId: string,
    private readonly handlers: SocketHandlers,
  ) {
    this.lastSeq = readStoredSeq(workspaceId);
  }

  start(): void {
    this.stopped = false;
    window.addEventListener('online', this.reconnectNow);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.reconnectNow);
    clearTimeout(this.reconnectTimer);
    this.ws?.close(1000, 'bye');
    this.ws = null;
  }

  send(frame: ClientFrame): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  private connect(): void {
    this.handlers.onStatus('connecting');
    const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const ws = new WebSocket(`${protocol}//${location.host}/api/v1/ws?workspaceId=${encodeURIComponent(this.workspaceId)}`);
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'hello', workspaceId: this.workspaceId, lastSeq: this.lastSeq }));
    ws.onmessage = (e) => this.receive(e.data);
    ws.onclose = (e) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.stopped || FATAL_CLOSES.has(e.code)) {
        this.handlers.onStatus('closed');
        return;
      }
      this.handlers.onStatus('offline');
      this.scheduleReconnect();
    };
  }

  private receive(raw: unknown): void {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(String(raw)) as ServerFrame;
    } catch {
      return;
    }
    switch (frame.type) {
      case 'ready': {
        const resumed = this.lastSeq !== undefined;
        this.attempt = 0;
        // While a replay is under way the replayed events themselves move lastSeq,
        // so a connection lost half-way resumes from the last one really applied.
        if (!resumed || frame.replayed === 0) this.rememberSeq(frame.seq);
        this.handlers.onStatus('open');
        return this.handlers.onReady(frame, resumed);
      }
      case 'event':
        this.rememberSeq(frame.seq);
        return this.handlers.onEvent(frame);
      case 'resync':
        this.rememberSeq(frame.seq, true);
        return this.handlers.onResync(frame);
      case 'typing':
        return this.handlers.onTyping(frame);
      case 'presence':
        return this.handlers.onPresence(frame);
      default:
        return;
    }
  }

  /** `force`: after a resync the server's seq wins even if it is lower (its log was reset). */
  private rememberSeq(seq: number, force = false): void {
    if (!force && this.lastSeq !== undefined && seq <= this.lastSeq) return;
    this.lastSeq = seq;
    try {
      sessionStorage.setItem(seqStorageKey(this.workspaceId), String(seq));
    } catch {
      /* storage blocked: the in-memory seq still resumes reconnects */
    }
  }

  private scheduleReconnect(): void {
    clearTimeout(this.reconnectTimer);
    const base = Math.min(MAX_BACKOFF_MS, 500 * 2 ** this.attempt);
    this.attempt += 1;
    // Jitter spreads the reconnects of many clients after a server restart.
    this.reconnectTimer = setTimeout(() => this.connect(), base / 2 + Math.random() * (base / 2));
  }

  private reconnectNow = (): void => {
    if (this.stopped || this.ws) return;
    clearTimeout(this.reconnectTimer);
    this.connect();
  };
}
