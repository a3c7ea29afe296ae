/**
 * Where the product's phase-1 time went, server side, read from its own
 * Prometheus registry (what /metrics serves): the message path's histograms
 * before and after the phase, subtracted, with quantiles interpolated inside
 * buckets as Prometheus' histogram_quantile does. The end-to-end latency says
 * how late deliveries were; this says in which stage.
 */
import type { Registry } from 'prom-client';
import { round } from '../lib/stats';

type MetricJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>[number];

/** Cumulative bucket counts by upper bound, with the sum and count (one histogram, all labels added up). */
export interface HistogramState {
  buckets: Map<number, number>;
  sum: number;
  count: number;
}

export interface StagesSnapshot {
  histograms: Record<string, HistogramState>;
  /**
   * How late the event loop ran a 10 ms timer since the previous snapshot
   * (prom-client resets its monitor on every read; its samples hold the 10 ms).
   */
  loopP99Ms: number;
  loopMaxMs: number;
}

const LOOP_RESOLUTION_MS = 10;

const STAGES = [
  { metric: 'aio_message_store_seconds', label: 'send → stored (batch wait + write)', unit: 'ms' },
  { metric: 'aio_message_batch_write_seconds', label: 'database write of a batch', unit: 'ms' },
  { metric: 'aio_message_batch_size', label: 'messages per write', unit: 'messages' },
  { metric: 'aio_ws_event_fanout_seconds', label: 'fan-out of one event to its sockets', unit: 'ms' },
  { metric: 'nodejs_gc_duration_seconds', label: 'garbage-collection pause (main thread)', unit: 'ms' },
] as const;

function histogramOf(metric: MetricJson | undefined): HistogramState {
  const state: HistogramState = { buckets: new Map(), sum: 0, count: 0 };
  for (const v of (metric?.values ?? []) as Array<{ metricName?: string; labels: Record<string, string | number>; value: number }>) {
    if (v.metricName?.endsWith('_bucket')) {
      const le = v.labels.le === '+Inf' ? Number.POSITIVE_INFINITY : Number(v.labels.le);
      state.buckets.set(le, (state.buckets.get(le) ?? 0) + v.value);
    } else if (v.metricName?.endsWith('_sum')) state.sum += v.value;
    else if (v.metricName?.endsWith('_count')) state.count += v.value;
  }
  return state;
}

export async function snapshotStages(registry: Registry): Promise<StagesSnapshot> {
  const metrics = await registry.getMetricsAsJSON();
  const byName = new Map(metrics.map((m) => [m.name, m]));
  const lateMs = (name: string) => Number((byName.get(name)?.values[0] as { value?: number } | undefined)?.value ?? Number.NaN) * 1000 - LOOP_RESOLUTION_MS;
  return {
    histograms: Object.fromEntries(STAGES.map((s) => [s.metric, histogramOf(byName.get(s.metric))])),
    loopP99Ms: lateMs('nodejs_eventloop_lag_p99_seconds'),
    loopMaxMs: lateMs('nodejs_eventloop_lag_max_seconds'),
  };
}

function subtract(after: HistogramState, before: HistogramState): HistogramState {
  const buckets = new Map([...after.buckets].map(([le, n]) => [le, n - (before.buckets.get(le) ?? 0)]));
  return { buckets, sum: after.sum - before.sum, count: after.count - before.count };
}

/**
 * The q-quantile, linear inside its bucket (or the bucket's bound, for whole
 * counts like messages per write); the last finite bound when it falls in +Inf.
 */
export function quantile(h: HistogramState, q: number, interpolate = true): number {
  if (h.count === 0) return Number.NaN;
  const rank = q * h.count;
  let lower = 0;
  let below = 0;
  for (const [le, cumulative] of [...h.buckets].sort((a, b) => a[0] - b[0])) {
    if (cumulative >= rank) {
      if (!Number.isFinite(le)) return lower;
      if (!interpolate) return le;
      return lower + ((le - lower) * (rank - below)) / Math.max(1, cumulative - below);
    }
    lower = le;
    below = cumulative;
  }
  return lower;
}

/** One row of the stage table, as printTable takes it. */
export type StageRow = Record<string, string | number>;

/** Two decimals; '–' for a stage with nothing measured. */
const shown = (n: number) => (Number.isFinite(n) ? round(n) : '–');

/** One row per stage for the phase between two snapshots. */
export function stageRows(before: StagesSnapshot, after: StagesSnapshot): StageRow[] {
  const rows: StageRow[] = STAGES.map(({ metric, label, unit }) => {
    const h = subtract(after.histograms[metric]!, before.histograms[metric]!);
    const timed = unit === 'ms';
    const scale = timed ? 1000 : 1;
    return {
      stage: label,
      count: h.count,
      p50: shown(quantile(h, 0.5, timed) * scale),
      p99: shown(quantile(h, 0.99, timed) * scale),
      mean: shown(h.count ? (h.sum / h.count) * scale : Number.NaN),
      unit,
    };
  });
  rows.push({ stage: 'event loop late (main thread)', count: '', p50: '', p99: shown(after.loopP99Ms), mean: `max ${shown(after.loopMaxMs)}`, unit: 'ms' });
  return rows;
}
