/**
 * The rollup's latency histogram: twelve log-spaced buckets (upper bounds 10, 20, 40 … 10240 ms,
 * then everything slower), the same bounds as the trigger in migration 0009. Fixed buckets add
 * up across days, models and users, which exact percentiles do not; the price is an estimate.
 */
export const LATENCY_BOUNDS_MS = [10, 20, 40, 80, 160, 320, 640, 1280, 2560, 5120, 10240] as const;
export const LATENCY_BUCKETS = LATENCY_BOUNDS_MS.length + 1;

/**
 * The q-quantile (0 < q < 1) of a bucketed distribution, interpolated linearly inside the bucket
 * it falls in. A quantile in the open-ended last bucket is reported as its lower bound (10,240 ms):
 * "at least", never an invented number. 0 when there are no calls.
 */
export function quantileFromBuckets(counts: readonly number[], q: number): number {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i] ?? 0;
    if (n > 0 && seen + n >= rank) {
      const lower = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1]!;
      const upper = LATENCY_BOUNDS_MS[i];
      if (upper === undefined) return lower;
      return Math.round(lower + ((rank - seen) / n) * (upper - lower));
    }
    seen += n;
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1]!;
}
