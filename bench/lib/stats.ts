/** Percentile of an unsorted sample (nearest rank); sorts a copy. */
export function percentiles(values: ArrayLike<number>, ps: number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN));
}

export const round = (n: number, digits = 2) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n);

/** Prints rows as an aligned text table. */
export function printTable(title: string, rows: Array<Record<string, string | number>>): void {
  if (rows.length === 0) return;
  const headers = Object.keys(rows[0]!);
  const cells = rows.map((r) => headers.map((h) => String(r[h] ?? '')));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padStart(widths[i]!)).join('  ');
  process.stdout.write(`\n${title}\n${line(headers)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const c of cells) process.stdout.write(`${line(c)}\n`);
}

export function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * Series over time as one line of bars each, on a shared scale so the lines
 * compare: where latency rose (warm-up, a pause) shows at a glance.
 */
export function printSparklines(title: string, series: Array<{ label: string; values: number[]; unit: string }>): void {
  const top = Math.max(...series.flatMap((s) => s.values.filter(Number.isFinite)), 1e-9);
  const width = Math.max(...series.map((s) => s.label.length));
  process.stdout.write(`\n${title} (full bar = ${round(top)} ${series[0]?.unit ?? ''})\n`);
  for (const s of series) {
    const bars = s.values.map((v) => (Number.isFinite(v) ? BARS[Math.min(BARS.length - 1, Math.floor((v / top) * BARS.length))] : ' ')).join('');
    const peak = s.values.reduce((best, v, i) => (v > s.values[best]! ? i : best), 0);
    process.stdout.write(`${s.label.padEnd(width)}  ${bars}  max ${round(s.values[peak] ?? Number.NaN)} ${s.unit} in second ${peak + 1}\n`);
  }
}
