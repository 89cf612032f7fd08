import { describe, expect, it } from "vitest";
import { LATENCY_BUCKETS, quantileFromBuckets } from "./histogram";

function buckets(entries: Record<number, number>): number[] {
  return Array.from({ length: LATENCY_BUCKETS }, (_, i) => entries[i] ?? 0);
}

describe("quantileFromBuckets", () => {
  it("is 0 with no calls", () => {
    expect(quantileFromBuckets(buckets({}), 0.5)).toBe(0);
  });

  it("interpolates inside the bucket the rank falls in", () => {
    // 10 calls in (40, 80]: the median is halfway through that bucket.
    expect(quantileFromBuckets(buckets({ 3: 10 }), 0.5)).toBe(60);
    // 4 calls ≤ 10 ms, 6 in (10, 20]: rank 5 is the first of the six → 10 + 10/6.
    expect(quantileFromBuckets(buckets({ 0: 4, 1: 6 }), 0.5)).toBe(12);
    // p95 of 20 calls: rank 19, in the second bucket (ranks 11..20): 10 + 9/10 · 10.
    expect(quantileFromBuckets(buckets({ 0: 10, 1: 10 }), 0.95)).toBe(19);
  });

  it("reports the open-ended bucket as its lower bound", () => {
    expect(quantileFromBuckets(buckets({ 0: 1, 11: 99 }), 0.95)).toBe(10240);
  });
});
