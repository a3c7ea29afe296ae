/**
 * CPU time a phase cost, per message sent: the server's main thread, its
 * busiest other thread (PGlite's on the embedded database), the rest of its
 * threads (V8's garbage-collection and compiler helpers, libuv's pool) and
 * the client process; and the whole machine's busy and stolen shares over the
 * phase. Latency percentiles on a shared two-core VM move by
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

/** CPU a process used between two snapshots, in µs, split by thread (null: no per-thread times here). */
export interface ServerCpu {
  totalUs: number;
  mainUs: number | null;
  busiestOtherUs: number | null;
  restUs: number | null;
}

/** Read in the server process itself: on Linux its main thread's id is its pid. */
export function cpuUsedSince(before: CpuSnapshot, after = cpuSnapshot()): ServerCpu {
  const totalUs = after.processUs - before.processUs;
  const used = Object.entries(after.threadsUs).map(([tid, us]) => ({ tid: Number(tid), us: us - (before.threadsUs[tid] ?? 0) }));
  const main = used.find((t) => t.tid === process.pid);
  if (!main) return { totalUs, mainUs: null, busiestOtherUs: null, restUs: null };
  const busiest = Math.max(0, ...used.filter((t) => t !== main).map((t) => t.us));
  return { totalUs, mainUs: main.us, busiestOtherUs: busiest, restUs: Math.max(0, totalUs - main.us - busiest) };
}

/** The whole machine's CPU time so far, in clock ticks, from the first line of /proc/stat. */
export interface MachineSnapshot {
  busy: number;
  idle: number;
  /** Time the hypervisor ran something else while one of this VM's vCPUs wanted to run. */
  steal: number;
}

/** Null where there is no /proc/stat. */
export function machineSnapshot(stat = readProcStat()): MachineSnapshot | null {
  const line = stat?.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return null;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  return { busy: user + nice + system + irq + softirq, idle: idle + iowait, steal };
}

function readProcStat(): string | null {
  try {
    return readFileSync('/proc/stat', 'utf8');
  } catch {
    return null;
  }
}

/**
 * How busy the machine was over a phase, and how much of it the host took: the
 * same run on this VM class has moved by a factor of four from day to day,
 * and these two say what kind of machine a phase's numbers come from.
 */
export interface MachineShare {
  busyPct: number;
  stolenPct: number;
}

export function machineShareSince(before: MachineSnapshot | null, after = machineSnapshot()): MachineShare | null {
  if (!before || !after) return null;
  const busy = after.busy - before.busy;
  const steal = after.steal - before.steal;
  const total = busy + steal + (after.idle - before.idle);
  if (total <= 0) return null;
  return { busyPct: (100 * busy) / total, stolenPct: (100 * steal) / total };
}

export interface CpuPerMessage {
  server: ServerCpu;
  clientsUs: number;
  machine: MachineShare | null;
}

export function cpuPerMessage(server: ServerCpu, clientsUs: number, sent: number, machine: MachineShare | null = null): CpuPerMessage {
  const n = Math.max(1, sent);
  const per = (us: number | null) => (us === null ? null : us / n);
  return {
    server: { totalUs: server.totalUs / n, mainUs: per(server.mainUs), busiestOtherUs: per(server.busiestOtherUs), restUs: per(server.restUs) },
    clientsUs: clientsUs / n,
    machine,
  };
}

const pct = (n: number | undefined) => (n === undefined ? 'n/a' : `${round(n, 1)}%`);

/** One table row, in microseconds per message sent, then the machine's shares over the phase. */
export function cpuRow(target: string, cpu: CpuPerMessage): Record<string, string | number> {
  const us = (n: number | null) => (n === null ? 'n/a' : round(n, 0));
  return {
    target,
    'server main': us(cpu.server.mainUs),
    'its busiest other thread': us(cpu.server.busiestOtherUs),
    'its other threads': us(cpu.server.restUs),
    clients: us(cpu.clientsUs),
    total: us(cpu.server.totalUs + cpu.clientsUs),
    'machine busy': pct(cpu.machine?.busyPct),
    'stolen by host': pct(cpu.machine?.stolenPct),
  };
}
