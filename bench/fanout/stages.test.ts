import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { quantile, snapshotStages, stageRows } from './stages';

describe('fan-out stages from a Prometheus registry', () => {
  it('interpolates quantiles inside buckets as histogram_quantile does, and keeps whole counts whole', () => {
    const h = { buckets: new Map([[0.01, 50], [0.02, 90], [0.05, 100], [Number.POSITIVE_INFINITY, 100]]), sum: 1, count: 100 };
    expect(quantile(h, 0.5)).toBeCloseTo(0.01);
    expect(quantile(h, 0.7)).toBeCloseTo(0.015);
    expect(quantile(h, 0.99)).toBeCloseTo(0.047);
    expect(quantile(h, 0.7, false)).toBe(0.02);
    expect(quantile({ buckets: new Map(), sum: 0, count: 0 }, 0.5)).toBeNaN();
  });

  it('reports only what happened between the two snapshots', async () => {
    const registry = new Registry();
    const store = new Histogram({ name: 'aio_message_store_seconds', help: 'h', buckets: [0.001, 0.01, 0.1], registers: [registry] });
    for (let i = 0; i < 10; i++) store.observe(0.05);
    const before = await snapshotStages(registry);
    for (let i = 0; i < 4; i++) store.observe(0.0005);
    const rows = stageRows(before, await snapshotStages(registry));
    const row = rows.find((r) => String(r.stage).startsWith('send → stored'))!;
    expect(row.count).toBe(4);
    expect(row.p99).toBeLessThanOrEqual(1);
    expect(row.mean).toBe(0.5);
    // Stages the registry does not have are reported empty, not invented.
    expect(rows.find((r) => String(r.stage).startsWith('database write'))!.count).toBe(0);
  });
});
