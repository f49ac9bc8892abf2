// Percentiles by nearest rank (the same definition the quarterly reports use), and a timer.

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.length ? Math.max(...samples) : Number.NaN,
  };
}

/** Milliseconds since `start` (a process.hrtime.bigint() reading), with microsecond precision. */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Stop a series once it has taken this long and has at least this many samples: a slow query
 * (before a fix) must not hold the whole bench for an hour to collect 200 samples. */
export const SERIES_BUDGET_MS = 20_000;
export const MIN_SAMPLES = 3;

/** Runs `work` up to `runs` times after `warmup` unmeasured runs; returns each run's milliseconds. */
export async function timeRuns(
  runs: number,
  warmup: number,
  work: (i: number) => Promise<unknown> | unknown,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work(i);
  const samples: number[] = [];
  const started = Date.now();
  for (let i = 0; i < runs && (samples.length < MIN_SAMPLES || Date.now() - started < SERIES_BUDGET_MS); i++) {
    const start = process.hrtime.bigint();
    await work(i);
    samples.push(msSince(start));
  }
  return samples;
}

export function fmtMs(ms: number): string {
  if (!Number.isFinite(ms)) return "–";
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}
