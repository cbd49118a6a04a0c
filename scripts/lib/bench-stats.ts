// Timing helpers for `npm run bench`: sequential samples and nearest-rank percentiles.

export type Summary = { p50: number; p95: number; p99: number; mean: number; n: number };

/** Nearest-rank percentile of already sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / Math.max(sorted.length, 1);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), mean, n: sorted.length };
}

/** Runs `once` warm times unmeasured (caches, JIT, connection pools), then `runs` times measured, one at a time. */
export async function sample(warm: number, runs: number, once: () => Promise<void>): Promise<Summary> {
  for (let i = 0; i < warm; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : Math.round(value)} ms` : "–");
