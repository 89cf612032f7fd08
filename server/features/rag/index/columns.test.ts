import { describe, expect, it } from "vitest";

import { rng } from "./bench";
import { BLOCK, ColumnStore, SIMD_MIN_CAPACITY } from "./columns";
import { simdModule } from "./simd";

/** Scores of slots [0, count) for a query given as (dims, q), computed naively in float64. */
function naive(rows: number[][], dims: number[], q: number[]): number[] {
  return rows.map((row) => dims.reduce((sum, d, k) => sum + q[k]! * Math.fround(row[d]!), 0));
}

function fill(store: ColumnStore, rows: number[][]): void {
  rows.forEach((row, slot) => {
    store.reserve(slot + 1, slot);
    store.write(slot, row, 1, 1);
  });
}

describe("WebAssembly SIMD kernels", () => {
  it("compile on this runtime (Node 20+ has WebAssembly SIMD)", () => {
    expect(simdModule()).toBeInstanceOf(WebAssembly.Module);
  });
});

describe("ColumnStore", () => {
  it("uses SIMD memory from SIMD_MIN_CAPACITY slots on, and never when disabled", () => {
    const simd = new ColumnStore(8, true);
    const scalar = new ColumnStore(8, false);
    simd.reserve(10, 0);
    expect(simd.usesSimd).toBe(false);
    simd.reserve(SIMD_MIN_CAPACITY, 0);
    expect(simd.usesSimd).toBe(true);
    scalar.reserve(SIMD_MIN_CAPACITY * 4, 0);
    expect(scalar.usesSimd).toBe(false);
    expect(scalar.allocatedBytes).toBe(8 * 4 * SIMD_MIN_CAPACITY * 4);
  });

  it.each([
    ["SIMD", true],
    ["scalar", false],
  ])("keeps values through growth and slot moves, and scores blocks exactly (%s)", (_, simd) => {
    const random = rng(3);
    const dim = 7;
    const rows = Array.from({ length: 5000 }, () => Array.from({ length: dim }, () => random() - 0.5));
    const store = new ColumnStore(dim, simd);
    fill(store, rows); // 16 → 32 → … → 8192 slots: scalar array, then SIMD memory grown in place
    expect(store.cap).toBeGreaterThanOrEqual(5000);
    expect(store.usesSimd).toBe(simd);
    for (const slot of [0, 1, 15, 16, 1023, 1024, 2047, 2048, 4095, 4096, 4999]) {
      expect(store.read(slot)).toEqual(rows[slot]!.map(Math.fround));
    }
    store.move(4999, 3);
    rows[3] = rows[4999]!;
    expect(store.read(3)).toEqual(rows[3]!.map(Math.fround));

    // Every group size (1–4 columns per kernel call, and the scalar 8/4/1 paths), partial blocks.
    for (const dims of [[0], [2, 5], [1, 3, 6], [0, 1, 2, 3], [0, 1, 2, 3, 4, 5, 6], [6, 4, 2, 0, 1]]) {
      const q = dims.map(() => random() * 2 - 1);
      const want = naive(rows.slice(0, 4999), dims, q);
      for (let base = 0; base < 4999; base += BLOCK) {
        const len = Math.min(BLOCK, 4999 - base);
        const acc = store.scoreBlock(base, len, Int32Array.from(dims), Float64Array.from(q), dims.length);
        let worst = 0;
        for (let i = 0; i < len; i++) worst = Math.max(worst, Math.abs(acc[i]! - want[base + i]!));
        expect(worst).toBeLessThan(1e-12);
      }
      const slots = Int32Array.from([0, 3, 17, 1024, 1234, 4998]);
      const out = new Float64Array(slots.length);
      store.scoreSlots(slots, Int32Array.from(dims), Float64Array.from(q), dims.length, out);
      slots.forEach((slot, p) => expect(out[p]).toBeCloseTo(want[slot]!, 12));
    }
  });

  it("reserves exactly what a bulk load asks for", () => {
    const store = new ColumnStore(4, true);
    store.reserve(100_001, 0);
    expect(store.cap).toBe(100_004);
    store.reserve(100_004, 0);
    expect(store.cap).toBe(100_004);
    store.reserve(100_005, 100_004);
    expect(store.cap).toBe(200_008);
  });
});
