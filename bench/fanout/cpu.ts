/**
 * CPU time a phase cost, per message sent: the server's main thread, its
 * busiest other thread (PGlite's on the embedded database), the rest of its
 * threads (V8's garbage-collection and compiler helpers, libuv's pool) and
 * the client process. Latency percentiles on a shared two-core VM move by
 * ±30–50% from run to run; CPU per message moves far less, so a change to the
 * send path can be judged by it when the p99 cannot.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { round } from '../lib/stats';

export interface CpuSnapshot {
  /** Every thread of the process, user + system, in microseconds. */
  processUs: number;
  /** CPU time by thread id, from /proc (empty where there is none). */
  threadsUs: Record<string, number>;
}

/** /proc/self/task/<tid>/schedstat starts with the nanoseconds the thread ran. */
function threadTimesUs(): Record<string, number> {
  const times: Record<string, number> = {};
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        times[tid] = Number(readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1000;
      } catch {
        // The thread ended between the listing and the read.
      }
    }
  } catch {
    // No /proc: only the process total is known.
  }
  return times;
}

export function cpuSnapshot(): CpuSnapshot {
  const { user, system } = process.cpuUsage();
  return { processUs: user + system, threadsUs: threadTimesUs() };
}

export interface CpuPerMessage {
  /** null: no per-thread times on this system. */
  serverMainUs: number | null;
  busiestOtherUs: number | null;
  restUs: number | null;
  serverUs: number;
  clientsUs: number;
}

/** `mainTid` is the server's pid: on Linux the main thread's id is the process id. */
export function cpuPerMessage(before: CpuSnapshot, after: CpuSnapshot, mainTid: number, clientsUs: number, sent: number): CpuPerMessage {
  const per = (us: number) => us / Math.max(1, sent);
  const serverUs = after.processUs - before.processUs;
  const used = Object.entries(after.threadsUs).map(([tid, us]) => ({ tid: Number(tid), us: us - (before.threadsUs[tid] ?? 0) }));
  const main = used.find((t) => t.tid === mainTid);
  if (!main) return { serverMainUs: null, busiestOtherUs: null, restUs: null, serverUs: per(serverUs), clientsUs: per(clientsUs) };
  const busiest = Math.max(0, ...used.filter((t) => t !== main).map((t) => t.us));
  return {
    serverMainUs: per(main.us),
    busiestOtherUs: per(busiest),
    restUs: per(Math.max(0, serverUs - main.us - busiest)),
    serverUs: per(serverUs),
    clientsUs: per(clientsUs),
  };
}

/** One table row, in microseconds per message sent. */
export function cpuRow(target: string, cpu: CpuPerMessage): Record<string, string | number> {
  const us = (n: number | null) => (n === null ? 'n/a' : round(n, 0));
  return {
    target,
    'server main': us(cpu.serverMainUs),
    'its busiest other thread': us(cpu.busiestOtherUs),
    'its other threads': us(cpu.restUs),
    clients: us(cpu.clientsUs),
    total: us(cpu.serverUs + cpu.clientsUs),
  };
}
