import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyHeapGrowth } from './heap-growth';

/**
 * In a fresh process: keep ~40 MB, collect, then keep allocating until V8
 * starts its next full collection, and report how far the heap grew past
 * what the collection kept. That distance is what the setting changes.
 */
function growthBeforeNextFullGc(percent: number, nodeFlags: string[] = []): { applied: boolean; keptMb: number; grewMb: number } {
  const module = path.join(import.meta.dirname, 'heap-growth.ts');
  const probe = `
    const { applyHeapGrowth } = await import(${JSON.stringify(module)});
    const { PerformanceObserver, constants } = await import('node:perf_hooks');
    const applied = applyHeapGrowth(${percent});
    const live = [];
    for (let i = 0; i < 400000; i++) live.push({ i, s: 'live-' + i });
    globalThis.gc();
    const kept = process.memoryUsage().heapUsed;
    let peak = kept, grew = null;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (grew === null && e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) grew = peak - kept;
    }).observe({ entryTypes: ['gc'] });
    const more = [];
    for (let round = 0; round < 600 && grew === null; round++) {
      for (let i = 0; i < 20000; i++) more.push({ round, i, s: 'more-' + round + '-' + i });
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      await new Promise((r) => setImmediate(r));
    }
    console.log(JSON.stringify({ applied, keptMb: kept / 1e6, grewMb: grew / 1e6, n: live.length + more.length }));`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', ...nodeFlags, '--input-type=module', '-e', probe], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!);
}

describe('heap growth between full collections', () => {
  it('lets the heap grow about the given share past what a full collection kept', () => {
    const doubled = growthBeforeNextFullGc(100);
    const quintupled = growthBeforeNextFullGc(400);
    expect(doubled.applied).toBe(true);
    // V8 starts marking a little before the limit, so "about": between a third of the kept heap and twice it.
    expect(doubled.grewMb).toBeGreaterThan(doubled.keptMb / 3);
    expect(doubled.grewMb).toBeLessThan(doubled.keptMb * 2);
    expect(quintupled.grewMb).toBeGreaterThan(doubled.grewMb * 2);
  });

  it('leaves a flag given to node on the command line alone', () => {
    const given = growthBeforeNextFullGc(100, ['--heap-growing-percent=400']);
    expect(given.applied).toBe(false);
    expect(given.grewMb).toBeGreaterThan(given.keptMb * 2);
  });

  it('leaves V8 its own choice at 0', () => {
    expect(applyHeapGrowth(0, [])).toBe(false);
  });
});
