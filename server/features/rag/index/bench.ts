import { createEmbeddedIndex } from "./embedded";
import type { VectorRecord } from "./types";

export interface EmbeddedBenchResult {
  vectors: number;
  dims: number;
  queries: number;
  topK: number;
  p50Ms: number;
  p95Ms: number;
}

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/**
 * Query latency of the embedded index (no filter, topK 10) at 10k and 100k random vectors of 384
 * dimensions, for a benchmark script. Takes a few seconds and ~200 MB at 100k.
 */
export async function benchEmbedded(
  options: { sizes?: number[]; dims?: number; queries?: number; topK?: number } = {},
): Promise<EmbeddedBenchResult[]> {
  const { sizes = [10_000, 100_000], dims = 384, queries = 50, topK = 10 } = options;
  const random = rng(1);
  const vec = () => Array.from({ length: dims }, () => random() * 2 - 1);
  const results: EmbeddedBenchResult[] = [];
  for (const size of sizes) {
    const index = createEmbeddedIndex();
    // Insert in batches so the number[] form of all vectors is never alive at once.
    for (let i = 0; i < size; i += 5000) {
      const batch: VectorRecord[] = [];
      for (let j = i; j < Math.min(size, i + 5000); j++) batch.push({ id: `v${j}`, values: vec(), metadata: {} });
      await index.upsert("bench", batch);
    }
    await index.query("bench", { vector: vec(), topK }); // warm-up
    const times: number[] = [];
    for (let q = 0; q < queries; q++) {
      const vector = vec();
      const start = performance.now();
      await index.query("bench", { vector, topK });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    results.push({ vectors: size, dims, queries, topK, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) });
  }
  return results;
}
