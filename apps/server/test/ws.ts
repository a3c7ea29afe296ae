import type { ClientFrame, ServerEventFrame, ServerFrame } from '@aio/contracts';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import type { TestClient } from './client';

type Frame<T extends ServerFrame['type']> = Extract<ServerFrame, { type: T }>;

export interface SocketCredentials {
  /** The session cookie of a signed-in test client. */
  client?: TestClient;
  bearer?: string;
  /** Origin header; defaults to none (a script, not a browser). */
  origin?: string;
  workspaceId?: string;
}

/** Listens on a random loopback port (once per app) and returns the WebSocket URL of the gateway. */
export async function gatewayUrl(app: FastifyInstance): Promise<string> {
  const address = app.server.address();
  if (!address || typeof address === 'string') await app.listen({ port: 0, host: '127.0.0.1' });
  const bound = app.server.address() as { port: number };
  return `ws://127.0.0.1:${bound.port}/api/v1/ws`;
}

/** A real WebSocket client that records every frame and can wait for the ones a test expects. */
export class TestSocket {
  readonly frames: ServerFrame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;
  private waiters: Array<() => void> = [];

  constructor(readonly ws: WebSocket) {
    this.opened = new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()) as ServerFrame);
      for (const wake of this.waiters.splice(0)) wake();
    });
    ws.on('close', () => {
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static open(url: string, creds: SocketCredentials = {}, options: WebSocket.ClientOptions = {}): TestSocket {
    const headers: Record<string, string> = {};
    if (creds.client?.cookies.size) headers.cookie = [...creds.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (creds.bearer) headers.authorization = `Bearer ${creds.bearer}`;
    if (creds.origin) headers.origin = creds.origin;
    const target = creds.workspaceId ? `${url}?workspaceId=${encodeURIComponent(creds.workspaceId)}` : url;
    return new TestSocket(new WebSocket(target, { headers, perMessageDeflate: false, ...options }));
  }

  send(frame: ClientFrame | Record<string, unknown>): void {
    this.ws.send(JSON.stringify(frame));
  }

  /** Opens (if needed), says hello and waits for `ready`. */
  async hello(workspaceId?: string, lastSeq?: number): Promise<Frame<'ready'>> {
    await this.opened;
    this.send({ type: 'hello', ...(workspaceId ? { workspaceId } : {}), ...(lastSeq !== undefined ? { lastSeq } : {}) });
    return this.waitFor('ready');
  }

  /** Frames of a type, from frame index `from` on (see `mark`). */
  of<T extends ServerFrame['type']>(type: T, from = 0): Array<Frame<T>> {
    return this.frames.slice(from).filter((f): f is Frame<T> => f.type === type);
  }

  events(name?: string): ServerEventFrame[] {
    return this.of('event').filter((e) => name === undefined || e.name === name);
  }

  /**
   * The first frame of a type that matches, received already or yet to come;
   * `from` skips the frames before that index (see `mark`).
   */
  async waitFor<T extends ServerFrame['type']>(
    type: T,
    match: (f: Frame<T>) => boolean = () => true,
    opts: { from?: number; timeoutMs?: number } = {},
  ): Promise<Frame<T>> {
    const from = opts.from ?? 0;
    const found = () => this.frames.slice(from).find((f): f is Frame<T> => f.type === type && match(f as Frame<T>));
    return this.until(found, `a ${type} frame`, opts.timeoutMs);
  }

  /** The index the next frame will get: pass it as `from` to wait only for frames after now. */
  mark(): number {
    return this.frames.length;
  }

  /** Waits until `probe` returns something (re-checked on every frame and on close). */
  async until<R>(probe: () => R | undefined | false, what: string, timeoutMs = 10_000): Promise<R> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = probe();
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0 || this.ws.readyState === WebSocket.CLOSED) {
        throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.frames.slice(-5))}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 250));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<{ code: number; reason: string }> {
    if (this.ws.readyState !== WebSocket.CLOSED) this.ws.close();
    return this.closed;
  }
}
