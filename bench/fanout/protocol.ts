import type { ThreadWait } from './cpu';

/** Messages between the fan-out orchestrator and its client process (over IPC). */
export type Mode = 'product' | 'bare';

export interface ClientSpec {
  room: number;
  /** product: API key for the upgrade, the workspace and the channel. */
  token?: string;
  workspaceId?: string;
  conversationId?: string;
}

export type Command =
  | { cmd: 'connect'; mode: Mode; url: string; clients: ClientSpec[] }
  | { cmd: 'phase'; rate: number; seconds: number; drainMs: number }
  | { cmd: 'disconnect' };

export interface PhaseResult {
  rate: number;
  sent: number;
  expected: number;
  delivered: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** p99 of the messages sent in each second of the phase. */
  p99BySecond: number[];
  sendErrors: number;
  closed: number;
  /** CPU the client process used during the phase (user + system, µs). */
  cpuUs: number;
  /** How long its main thread waited for a core during the phase (null without /proc). */
  mainWait: ThreadWait | null;
}

export type Reply = { ok: true; connected?: number; result?: PhaseResult } | { ok: false; error: string };
