/** Small statistics helpers for the benchmarks: latency percentiles and recall. */

export type Latency = { n: number; mean: number; p50: number; p95: number; p99: number; max: number };

/** Nearest-rank percentile (p in 0–100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const s = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samples: readonly number[]): Latency {
  const n = samples.length;
  return {
    n,
    mean: n ? samples.reduce((a, b) => a + b, 0) / n : Number.NaN,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: n ? Math.max(...samples) : Number.NaN,
  };
}

/** Share of queries whose target id is among the first k ids returned. */
export function recallAt(k: number, results: readonly (readonly string[])[], targets: readonly string[]): number {
  if (targets.length === 0) return Number.NaN;
  let hits = 0;
  targets.forEach((t, i) => {
    if ((results[i] ?? []).slice(0, k).includes(t)) hits++;
  });
  return hits / targets.length;
}

/**
 * Times `fn` once per item, sequentially: wall-clock milliseconds per call, and the CPU time this
 * process used during the call (user + system, all its threads). On a busy machine wall time
 * includes waiting for a CPU; CPU time does not.
 */
export async function timeEach<T, R>(
  items: readonly T[],
  fn: (item: T, i: number) => Promise<R> | R,
): Promise<{ ms: number[]; cpuMs: number[]; out: R[] }> {
  const ms: number[] = [];
  const cpuMs: number[] = [];
  const out: R[] = [];
  for (let i = 0; i < items.length; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = await fn(items[i]!, i);
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
    out.push(r);
  }
  return { ms, cpuMs, out };
}

export function mb(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
