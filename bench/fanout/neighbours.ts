/**
 * The busiest threads on the machine outside the benchmark's own processes
 * over a phase: kernel threads and other services. On a two-core VM one
 * neighbour that takes a core in bursts decides the tail by itself. On
 * 2026-12-02 the kernel's memory monitor (kdamond, sampling every 500 ms)
 * took ~30 ms of a core every ~0.53 s, and 48 of 51 clusters of slow
 * messages in phase 1 fell on one of its bursts (docs/benchmarks.md). What
 * it costs shows here, in every run, beside the phase it hit. Threads of one
 * name are one row: PostgreSQL's backends would fill the table otherwise.
 */
import { round } from '../lib/stats';
import { parseSchedstat } from './cpu';
import { listProcIds, readProcText } from './proc';

export interface NeighbourTimes {
  /** "process/thread" names, from /proc comm. */
  name: string;
  pid: number;
  ranUs: number;
  runs: number;
}

/** Every thread on the machine by thread id (unique across processes), but those of `excludePids`; empty without /proc. */
export type NeighbourSnapshot = Map<number, NeighbourTimes>;

export function neighbourSnapshot(excludePids: Iterable<number>): NeighbourSnapshot {
  const excluded = new Set([...excludePids].map(String));
  const snapshot: NeighbourSnapshot = new Map();
  for (const pid of listProcIds('/proc')) {
    if (excluded.has(pid)) continue;
    const processName = readProcText(`/proc/${pid}/comm`)?.trim() ?? '?';
    for (const tid of listProcIds(`/proc/${pid}/task`)) {
      const stat = readProcText(`/proc/${pid}/task/${tid}/schedstat`);
      if (!stat) continue;
      const threadName = readProcText(`/proc/${pid}/task/${tid}/comm`)?.trim() ?? '?';
      const { ranUs, wait } = parseSchedstat(stat);
      const name = threadName === processName ? processName : `${processName}/${threadName}`;
      snapshot.set(Number(tid), { name, pid: Number(pid), ranUs, runs: wait.runs });
    }
  }
  return snapshot;
}

export interface Neighbour {
  name: string;
  /** How many threads of that name ran (PostgreSQL's backends are one row). */
  threads: number;
  ranUs: number;
  runs: number;
  /** Share of one core over the phase, in percent. */
  corePct: number;
}

/**
 * The `top` names whose threads ran longest between two snapshots taken
 * `seconds` apart, threads of one name summed (a thread that started
 * meanwhile counts from zero).
 */
export function busiestNeighbours(before: NeighbourSnapshot, after: NeighbourSnapshot, seconds: number, top = 4): Neighbour[] {
  const byName = new Map<string, Neighbour>();
  for (const [tid, now] of after) {
    const then = before.get(tid);
    const ranUs = now.ranUs - (then?.ranUs ?? 0);
    if (ranUs <= 0) continue;
    const n = byName.get(now.name) ?? { name: now.name, threads: 0, ranUs: 0, runs: 0, corePct: 0 };
    n.threads += 1;
    n.ranUs += ranUs;
    n.runs += now.runs - (then?.runs ?? 0);
    byName.set(now.name, n);
  }
  const busiest = [...byName.values()].sort((a, b) => b.ranUs - a.ranUs).slice(0, top);
  for (const n of busiest) n.corePct = (100 * n.ranUs) / 1e6 / Math.max(seconds, 1e-9);
  return busiest;
}

/** One table row per neighbour of a target's phase. */
export function neighbourRows(target: string, neighbours: Neighbour[]): Record<string, string | number>[] {
  if (neighbours.length === 0) return [{ target, thread: 'n/a', 'CPU ms': '', 'of a core': '', runs: '', 'ms a run': '' }];
  return neighbours.map((n) => ({
    target,
    thread: n.threads > 1 ? `${n.name} (${n.threads} threads)` : n.name,
    'CPU ms': round(n.ranUs / 1000, 0),
    'of a core': `${round(n.corePct, 1)}%`,
    runs: n.runs,
    'ms a run': round(n.ranUs / 1000 / Math.max(1, n.runs), 2),
  }));
}
