import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { busiestNeighbours, neighbourRows, neighbourSnapshot } from './neighbours';

/** A process of its own that burns `ms` of CPU, then waits to be told to exit (so it is still there to be read). */
async function spinner(ms: number) {
  const code = `const s = process.cpuUsage(); const u = () => { const c = process.cpuUsage(s); return c.user + c.system; };
    while (u() < ${ms * 1000}); process.stdout.write('spun'); process.stdin.once('data', () => process.exit(0));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  return {
    pid: child.pid!,
    async stop() {
      child.stdin.write('x');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

describe('the busiest threads outside the benchmark', () => {
  it('finds a process that ran meanwhile, by name, with its CPU, runs and share of a core', async () => {
    const before = neighbourSnapshot([process.pid]);
    expect([...before.values()].some((n) => n.pid === process.pid)).toBe(false);
    const started = performance.now();
    const busy = await spinner(150);
    const after = neighbourSnapshot([process.pid]);
    const seconds = (performance.now() - started) / 1000;
    const nodeRow = (snapshot: typeof after) => busiestNeighbours(before, snapshot, seconds, 1_000).find((n) => n.name === 'node');
    // Its main thread is named node, like every node process's (other test files' among them): the spinner's part is the difference.
    const spun = nodeRow(after)!;
    const others = nodeRow(new Map([...after].filter(([, t]) => t.pid !== busy.pid)));
    expect(spun.ranUs - (others?.ranUs ?? 0)).toBeGreaterThanOrEqual(100_000);
    expect(spun.runs - (others?.runs ?? 0)).toBeGreaterThan(0);
    expect(spun.corePct).toBeCloseTo((100 * spun.ranUs) / 1e6 / seconds, 6);
    // Its pid among the benchmark's own: it is not a neighbour.
    expect([...neighbourSnapshot([process.pid, busy.pid]).values()].some((n) => n.pid === busy.pid)).toBe(false);
    await busy.stop();
  });

  it('prints a row per neighbour, and n/a where /proc has none', () => {
    const rows = neighbourRows('AIO Chat', [
      { name: 'kdamond.0', threads: 1, ranUs: 1_767_000, runs: 112, corePct: 5.89 },
      { name: 'postgres', threads: 3, ranUs: 7_775_000, runs: 24_490, corePct: 24.3 },
    ]);
    expect(rows).toEqual([
      { target: 'AIO Chat', thread: 'kdamond.0', 'CPU ms': 1767, 'of a core': '5.9%', runs: 112, 'ms a run': 15.78 },
      { target: 'AIO Chat', thread: 'postgres (3 threads)', 'CPU ms': 7775, 'of a core': '24.3%', runs: 24_490, 'ms a run': 0.32 },
    ]);
    expect(neighbourRows('bare ws', [])[0]).toMatchObject({ target: 'bare ws', thread: 'n/a' });
  });

  it('sums threads of one name, counts a thread that started between the snapshots from zero, and leaves out threads that did not run', () => {
    const before = new Map([
      [1, { name: 'idle', pid: 1, ranUs: 500, runs: 3 }],
      [3, { name: 'postgres', pid: 3, ranUs: 1_000, runs: 10 }],
    ]);
    const after = new Map([
      [1, { name: 'idle', pid: 1, ranUs: 500, runs: 3 }],
      [2, { name: 'new', pid: 2, ranUs: 2_000, runs: 4 }],
      [3, { name: 'postgres', pid: 3, ranUs: 4_000, runs: 30 }],
      [4, { name: 'postgres', pid: 4, ranUs: 1_500, runs: 5 }],
    ]);
    expect(busiestNeighbours(before, after, 1)).toEqual([
      { name: 'postgres', threads: 2, ranUs: 4_500, runs: 25, corePct: 0.45 },
      { name: 'new', threads: 1, ranUs: 2_000, runs: 4, corePct: 0.2 },
    ]);
  });
});
