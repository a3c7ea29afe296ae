/**
 * CPU time a phase cost, per message sent: the server's main thread, its
 * busiest other thread (PGlite's on the embedded database), the rest of its
 * threads (V8's garbage-collection and compiler helpers, libuv's pool) and
 * the client process; how long the busy threads waited for a core; and the
 * whole machine's busy and stolen shares over the phase. Latency percentiles
 * on a shared two-core VM move by ±30–50% from run to run; CPU per message
 * moves far less, so a change to the send path can be judged by it when the
 * p99 cannot.
 */
import { round } from '../lib/stats';
import { listProcIds, readProcText } from './proc';

/** Time a thread spent ready to run while no core was free, and how many times it got one. */
export interface ThreadWait {
  us: number;
  runs: number;
}

/** One thread's schedstat line: the CPU it ran, and its waits for a core. */
export interface ThreadTimes {
  ranUs: number;
  wait: ThreadWait;
}

export interface CpuSnapshot {
  /** Every thread of the process, user + system, in microseconds. */
  processUs: number;
  /** Each thread by id, from /proc (empty where there is none). */
  threads: Record<string, ThreadTimes>;
}

/**
 * A thread's schedstat line: the nanoseconds it ran, the nanoseconds it
 * waited runnable for a core, and how many times it was put on one.
 */
export function parseSchedstat(line: string): ThreadTimes {
  const [ranNs = 0, waitedNs = 0, runs = 0] = line.trim().split(/\s+/).map(Number);
  return { ranUs: ranNs / 1000, wait: { us: waitedNs / 1000, runs } };
}

/** One thread of this process; null when it has ended or there is no /proc. */
function readThread(tid: string): ThreadTimes | null {
  const line = readProcText(`/proc/self/task/${tid}/schedstat`);
  return line === null ? null : parseSchedstat(line);
}

/** Every thread of this process, from /proc/self/task/<tid>/schedstat (none without /proc: only the process total is known). */
function readThreads(): Record<string, ThreadTimes> {
  const threads: Record<string, ThreadTimes> = {};
  for (const tid of listProcIds('/proc/self/task')) {
    const thread = readThread(tid);
    if (thread) threads[tid] = thread;
  }
  return threads;
}

export function cpuSnapshot(): CpuSnapshot {
  const { user, system } = process.cpuUsage();
  return { processUs: user + system, threads: readThreads() };
}

/** CPU a process used between two snapshots, in µs, split by thread (null: no per-thread times here). */
export interface ServerCpu {
  totalUs: number;
  mainUs: number | null;
  busiestOtherUs: number | null;
  restUs: number | null;
  mainWait: ThreadWait | null;
  busiestOtherWait: ThreadWait | null;
}

/** A thread that started after the first snapshot had run and waited for nothing then. */
const NOT_YET_STARTED: ThreadTimes = { ranUs: 0, wait: { us: 0, runs: 0 } };

/** This process's main thread's wait so far (the client process reports its own). */
export function mainThreadWait(): ThreadWait | null {
  return readThread(String(process.pid))?.wait ?? null;
}

export function waitDelta(before: ThreadWait | null, after: ThreadWait | null): ThreadWait | null {
  return before && after ? { us: after.us - before.us, runs: after.runs - before.runs } : null;
}

/** Read in the server process itself: on Linux its main thread's id is its pid. */
export function cpuUsedSince(before: CpuSnapshot, after = cpuSnapshot()): ServerCpu {
  const totalUs = after.processUs - before.processUs;
  const used = Object.entries(after.threads).map(([tid, now]) => {
    const then = before.threads[tid] ?? NOT_YET_STARTED;
    return { tid: Number(tid), us: now.ranUs - then.ranUs, wait: waitDelta(then.wait, now.wait) };
  });
  const main = used.find((t) => t.tid === process.pid);
  if (!main) return { totalUs, mainUs: null, busiestOtherUs: null, restUs: null, mainWait: null, busiestOtherWait: null };
  const busiest = used.filter((t) => t !== main).reduce<(typeof used)[number] | undefined>((top, t) => (!top || t.us > top.us ? t : top), undefined);
  const busiestUs = Math.max(0, busiest?.us ?? 0);
  return {
    totalUs,
    mainUs: main.us,
    busiestOtherUs: busiestUs,
    restUs: Math.max(0, totalUs - main.us - busiestUs),
    mainWait: main.wait,
    busiestOtherWait: busiest?.wait ?? null,
  };
}

/** The whole machine's CPU time so far, in clock ticks, from the first line of /proc/stat. */
export interface MachineSnapshot {
  busy: number;
  idle: number;
  /** Time the hypervisor ran something else while one of this VM's vCPUs wanted to run. */
  steal: number;
}

/** Null where there is no /proc/stat. */
export function machineSnapshot(stat = readProcText('/proc/stat')): MachineSnapshot | null {
  const line = stat?.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) return null;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  return { busy: user + nice + system + irq + softirq, idle: idle + iowait, steal };
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
  /** Per message sent; the waits below are the phase's, not per message. */
  server: Omit<ServerCpu, 'mainWait' | 'busiestOtherWait'>;
  clientsUs: number;
  machine: MachineShare | null;
  /** The threads' waits for a core over the whole phase (not per message). */
  waits: { serverMain: ThreadWait | null; serverBusiestOther: ThreadWait | null; clientsMain: ThreadWait | null };
}

export function cpuPerMessage(
  server: ServerCpu,
  clientsUs: number,
  sent: number,
  machine: MachineShare | null = null,
  clientsWait: ThreadWait | null = null,
): CpuPerMessage {
  const n = Math.max(1, sent);
  const per = (us: number | null) => (us === null ? null : us / n);
  return {
    server: { totalUs: server.totalUs / n, mainUs: per(server.mainUs), busiestOtherUs: per(server.busiestOtherUs), restUs: per(server.restUs) },
    clientsUs: clientsUs / n,
    machine,
    waits: { serverMain: server.mainWait, serverBusiestOther: server.busiestOtherWait, clientsMain: clientsWait },
  };
}

/**
 * One row of the waits table: for each busy thread, how long it was ready to
 * run while both cores were taken, in all over the phase and on average each
 * time it was put on a core. A target whose threads wait longer has its
 * stages stretch at the same moments, whatever its CPU per message.
 */
export function waitRow(target: string, cpu: CpuPerMessage): Record<string, string> {
  const cell = (w: ThreadWait | null) => (w ? `${round(w.us / 1000, 0)} ms, ${round(w.us / Math.max(1, w.runs), 0)} µs a run` : 'n/a');
  return {
    target,
    'server main': cell(cpu.waits.serverMain),
    'its busiest other thread': cell(cpu.waits.serverBusiestOther),
    'client process main': cell(cpu.waits.clientsMain),
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
