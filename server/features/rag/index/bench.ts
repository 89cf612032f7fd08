import { embedText, OFFLINE_EMBEDDING_DIMENSIONS } from "@/server/inference/offline/embedding-model";

import { createEmbeddedIndex, type EmbeddedIndexOptions } from "./embedded";
import type { MetadataFilter, VectorRecord } from "./types";

export interface EmbeddedBenchResult {
  /** `dense`: uniform random components; `offline`: the offline embedder's vectors of product-like texts. */
  kind: "dense" | "offline";
  vectors: number;
  dims: number;
  queries: number;
  topK: number;
  /** Fraction of the records the query filter matches (1 = no filter). */
  filterFraction: number;
  /** Whether the WebAssembly SIMD kernels were allowed (see EmbeddedIndexOptions.simd). */
  simd: boolean;
  /** Mean non-zero dimensions per query vector. */
  queryNonZero: number;
  p50Ms: number;
  p95Ms: number;
}

export interface EmbeddedBenchOptions {
  sizes?: number[];
  /** Vector kind; default `dense`. */
  kind?: "dense" | "offline";
  /** Dimensions of dense vectors (offline vectors have the embedder's 512). Default 384. */
  dims?: number;
  queries?: number;
  topK?: number;
  /** Query with a filter matching this fraction of records (a multiple of 0.01); default 1 (none). */
  filterFraction?: number;
  simd?: EmbeddedIndexOptions["simd"];
}

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

const BRANDS = ["Acme", "Northwind", "Contoso", "Fabrikam", "Lumen", "Orbit", "Tandem", "Vesta", "Kestrel", "Halcyon"];
const ADJECTIVES = (
  "lightweight durable waterproof wireless ergonomic compact foldable insulated rechargeable adjustable breathable " +
  "stainless premium portable non-slip quick-dry noise-cancelling energy-efficient handmade organic padded slim " +
  "heavy-duty minimalist vintage modular"
).split(" ");
const MATERIALS = (
  "cotton leather bamboo aluminium steel ceramic wool nylon glass oak silicone linen canvas walnut titanium " +
  "polyester merino cork"
).split(" ");
const PRODUCTS = [
  "backpack",
  "water bottle",
  "running shoes",
  "headphones",
  "desk lamp",
  "office chair",
  "coffee grinder",
  "yoga mat",
  "rain jacket",
  "travel mug",
  "phone case",
  "bluetooth speaker",
  "mechanical keyboard",
  "camping tent",
  "kitchen knife",
  "blender",
  "smart watch",
  "sleeping bag",
  "wallet",
  "sunglasses",
  "duffel bag",
  "standing desk",
  "french press",
  "hiking boots",
  "laptop sleeve",
];
const USES = (
  "hiking commuting travel cycling camping running students kitchens offices gyms beaches families gaming " +
  "photographers gardeners climbers"
).split(" ");
const FEATURES = [
  "It comes with a lifetime warranty",
  "It charges over USB-C in two hours",
  "It keeps drinks cold for 24 hours and hot for 12",
  "It fits laptops up to 16 inches",
  "The cover is machine washable",
  "Every part is dishwasher safe",
  "The battery lasts 40 hours on a single charge",
  "It is available in six colours",
  "It ships in recyclable packaging",
  "It is rated for temperatures down to minus 10 degrees",
  "A magnetic closure keeps it shut",
  "A padded carrying case is included",
  "The grip stays firm when wet",
  "It folds flat for storage",
  "Customers praise the sturdy stitching",
  "Replacement parts are sold separately",
];

/**
 * A product-description-like chunk: brand, attributes, product, use, model number and features,
 * 25–45 words. Query texts take 3–6 of the same kinds of words. Exported for tests.
 */
export function productText(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const product = pick(PRODUCTS);
  const parts = [
    `${pick(BRANDS)} ${pick(ADJECTIVES)} ${pick(ADJECTIVES)} ${pick(MATERIALS)} ${product} for ${pick(USES)},`,
    `model ${Math.floor(random() * 9000) + 1000}.`,
  ];
  const features = 2 + Math.floor(random() * 3);
  for (let i = 0; i < features; i++) parts.push(`${pick(FEATURES)}.`);
  parts.push(`Made from ${pick(MATERIALS)} and ${pick(MATERIALS)}, great for ${pick(USES)} and ${pick(USES)}.`);
  return parts.join(" ");
}

export function queryText(random: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const kinds = [ADJECTIVES, MATERIALS, PRODUCTS, USES, BRANDS];
  const words: string[] = [];
  const target = 3 + Math.floor(random() * 4);
  while (words.length < target) words.push(...pick(pick(kinds)).split(" "));
  return words.slice(0, target).join(" ");
}

/**
 * Query latency of the embedded index (topK 10 by default) at 10k and 100k vectors, for a
 * benchmark script. `kind: "dense"` uses uniform random vectors (like a neural model's, fully
 * dense); `kind: "offline"` embeds synthetic product descriptions with the offline embedder
 * (512 dims; sparse queries) — that takes about 0.5 ms per text, ~1 minute at 100k. Peak memory
 * is about 3 × 4 bytes × dims per vector at the largest size.
 */
export async function benchEmbedded(options: EmbeddedBenchOptions = {}): Promise<EmbeddedBenchResult[]> {
  const { sizes = [10_000, 100_000], kind = "dense", queries = 50, topK = 10, filterFraction = 1 } = options;
  const simd = options.simd ?? true;
  const dims = kind === "offline" ? OFFLINE_EMBEDDING_DIMENSIONS : (options.dims ?? 384);
  const random = rng(1);
  const denseVec = () => Array.from({ length: dims }, () => random() * 2 - 1);
  const docVec = kind === "offline" ? () => embedText(productText(random)) : denseVec;
  const queryVec = kind === "offline" ? () => embedText(queryText(random)) : denseVec;
  const buckets = Math.round(filterFraction * 100);
  const filter: MetadataFilter | undefined = buckets >= 100 ? undefined : { bucket: { $lt: buckets } };

  // Vectors for the largest size, float32, shared by every size (10k is a prefix of 100k).
  const total = Math.max(...sizes);
  const pool = new Float32Array(total * dims);
  for (let i = 0; i < total; i++) pool.set(docVec(), i * dims);
  const WARM_UP = 5;
  const queryVectors = Array.from({ length: queries + WARM_UP }, queryVec);
  const queryNonZero = queryVectors.reduce((sum, v) => sum + v.filter((x) => x !== 0).length, 0) / queryVectors.length;

  const results: EmbeddedBenchResult[] = [];
  for (const size of sizes) {
    const index = createEmbeddedIndex({ simd });
    // Insert in batches so the number[] form of all vectors is never alive at once.
    for (let i = 0; i < size; i += 5000) {
      const batch: VectorRecord[] = [];
      for (let j = i; j < Math.min(size, i + 5000); j++) {
        batch.push({
          id: `v${j}`,
          values: Array.from(pool.subarray(j * dims, (j + 1) * dims)),
          metadata: { bucket: j % 100 },
        });
      }
      await index.upsert("bench", batch);
    }
    // Warm-up (JIT and WebAssembly tier-up): not timed.
    for (let q = queries; q < queries + WARM_UP; q++) {
      await index.query("bench", { vector: queryVectors[q] as number[], topK, filter });
    }
    const times: number[] = [];
    for (let q = 0; q < queries; q++) {
      const vector = queryVectors[q] as number[];
      const start = performance.now();
      await index.query("bench", { vector, topK, filter });
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    results.push({
      kind,
      vectors: size,
      dims,
      queries,
      topK,
      filterFraction: filter ? buckets / 100 : 1,
      simd,
      queryNonZero,
      p50Ms: percentile(times, 50),
      p95Ms: percentile(times, 95),
    });
  }
  return results;
}
