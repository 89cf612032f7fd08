import { performance } from "node:perf_hooks";
import { createLimits } from "./limits";
import type { Budget } from "./types";

export interface LimitsBench {
  calls: number;
  /** Milliseconds per reserve + settle pair. */
  p50Ms: number;
  p95Ms: number;
}

/** p50/p95 of reserve + settle against the in-memory store (workspace + user budgets, tokens + cost). */
export async function benchLimits(calls = 10_000): Promise<LimitsBench> {
  const limits = createLimits({ store: "memory", loadUsed: async () => 0 });
  const budgets: Budget[] = [
    { workspaceId: "bench", label: "Bench", metric: "tokens", period: "day", hardCap: Number.MAX_SAFE_INTEGER },
    { workspaceId: "bench", label: "Bench", metric: "cost", period: "month", hardCap: Number.MAX_SAFE_INTEGER },
    { workspaceId: "bench", userId: "u1", label: "Bench user", metric: "cost", period: "day", softCap: 1e12 },
  ];
  const samples = new Float64Array(calls);
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    const r = await limits.reserve({ budgets, estimate: { tokens: 1500, costMicros: 900 } });
    if (!r.ok) throw r.error;
    await limits.settle(r.reservation, { tokens: 1200, costMicros: 700 });
    samples[i] = performance.now() - t0;
  }
  samples.sort();
  const at = (q: number) => samples[Math.min(calls - 1, Math.floor(q * calls))] ?? 0;
  return { calls, p50Ms: at(0.5), p95Ms: at(0.95) };
}
