import { describe, expect, it } from "vitest";

import { embedText } from "@/server/inference/offline/embedding-model";

import { productText, queryText } from "./bench";
import { createEmbeddedIndex, createMemoryPersistence, type EmbeddedPersistence } from "./embedded";
import { DimensionMismatchError } from "./errors";
import { describeVectorIndexContract } from "./testing/contract";
import type { VectorRecord } from "./types";

describeVectorIndexContract("embedded", async () => createEmbeddedIndex());
describeVectorIndexContract("embedded with persistence", async () =>
  createEmbeddedIndex({ persistence: createMemoryPersistence() }),
);
describeVectorIndexContract("embedded, scalar kernel", async () => createEmbeddedIndex({ simd: false }));

/** Deterministic PRNG (mulberry32) so failures reproduce. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("embedded index", () => {
  it("throws a typed error on dimension mismatch (upsert and query)", async () => {
    const index = createEmbeddedIndex();
    await index.upsert("ns", [{ id: "a", values: [1, 0, 0], metadata: {} }]);
    const err = await index.upsert("ns", [{ id: "b", values: [1, 0], metadata: {} }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DimensionMismatchError);
    expect(err).toMatchObject({ code: "dimension_mismatch", expected: 3, actual: 2 });
    expect((err as Error).message).toMatch(/2 dimensions but namespace "ns" holds 3-dimensional/);
    await expect(index.query("ns", { vector: [1, 0], topK: 1 })).rejects.toBeInstanceOf(DimensionMismatchError);
    await expect(
      index.upsert("ns2", [
        { id: "a", values: [1, 0], metadata: {} },
        { id: "b", values: [1, 0, 0], metadata: {} },
      ]),
    ).rejects.toBeInstanceOf(DimensionMismatchError);
    // Other namespaces may use another dimension.
    await index.upsert("other", [{ id: "a", values: [1, 0], metadata: {} }]);
    expect(await index.count("ns")).toBe(1);
  });

  it.each([
    ["SIMD", true],
    ["scalar", false],
  ])(
    "finds the exact top-10 among 20,000 random 384-dim vectors (equals brute force, %s)",
    async (_, simd) => {
      const dims = 384;
      const n = 20_000;
      const random = rng(42);
      const vec = () => Array.from({ length: dims }, () => random() * 2 - 1);
      const records: VectorRecord[] = Array.from({ length: n }, (_, i) => ({
        id: `r${i}`,
        values: vec(),
        metadata: { bucket: i % 4 },
      }));
      const index = createEmbeddedIndex({ simd });
      for (let i = 0; i < n; i += 5000) await index.upsert("big", records.slice(i, i + 5000));

      const cosine = (a: number[], b: number[]) => {
        let dot = 0;
        let na = 0;
        let nb = 0;
        for (let j = 0; j < dims; j++) {
          dot += a[j]! * b[j]!;
          na += a[j]! * a[j]!;
          nb += b[j]! * b[j]!;
        }
        return dot / Math.sqrt(na * nb);
      };

      for (let t = 0; t < 5; t++) {
        const query = vec();
        const brute = records
          .map((r) => ({ id: r.id, score: cosine(query, r.values) }))
          .sort((a, b) => b.score - a.score)
          .slice(0, 10);
        const got = await index.query("big", { vector: query, topK: 10 });
        expect(got.map((m) => m.id)).toEqual(brute.map((m) => m.id));
        got.forEach((m, i) => expect(m.score).toBeCloseTo(brute[i]!.score, 5));

        const bruteFiltered = records
          .filter((_, i) => i % 4 === 1)
          .map((r) => ({ id: r.id, score: cosine(query, r.values) }))
          .sort((a, b) => b.score - a.score)
          .slice(0, 10);
        const gotFiltered = await index.query("big", { vector: query, topK: 10, filter: { bucket: 1 } });
        expect(gotFiltered.map((m) => m.id)).toEqual(bruteFiltered.map((m) => m.id));
      }
    },
    30_000,
  );

  it("stays exact after deletes move slots around", async () => {
    const index = createEmbeddedIndex();
    const random = rng(7);
    const records = Array.from({ length: 200 }, (_, i) => ({
      id: `r${i}`,
      values: Array.from({ length: 8 }, () => random() - 0.5),
      metadata: {},
    }));
    await index.upsert("ns", records);
    await index.delete(
      "ns",
      records.filter((_, i) => i % 3 === 0).map((r) => r.id),
    );
    const query = records[5]!.values;
    const [best] = await index.query("ns", { vector: query, topK: 1 });
    expect(best).toMatchObject({ id: "r5" });
    expect(best?.score).toBeCloseTo(1, 5);
    expect(await index.count("ns")).toBe(133);
    const all = await index.query("ns", { vector: query, topK: 1000 });
    expect(new Set(all.map((m) => m.id)).size).toBe(133);
    expect(all.some((m) => m.id === "r3")).toBe(false);
  });

  it("passes upserts and deletes to the persistence hook; a new instance reloads them", async () => {
    const persistence = createMemoryPersistence();
    const first = createEmbeddedIndex({ persistence });
    await first.upsert("ws", [
      { id: "a", values: [1, 0], metadata: { kind: "faq" } },
      { id: "b", values: [0, 1], metadata: { kind: "blog" } },
      { id: "c", values: [1, 1], metadata: { kind: "blog" } },
    ]);
    await first.delete("ws", ["a", "nope"]);
    await first.deleteByFilter("ws", { kind: "blog", $never: 1 } as never).catch(() => undefined);
    await first.upsert("ws", [{ id: "b", values: [0, 1], metadata: { kind: "updated" } }]);
    await first.upsert("other", [{ id: "x", values: [1, 0, 0], metadata: {} }]);
    await first.deleteNamespace("other");

    expect(persistence.calls).toEqual([
      { op: "load", namespace: "ws" },
      { op: "save", namespace: "ws", upserts: ["a", "b", "c"], deletes: [] },
      { op: "save", namespace: "ws", upserts: [], deletes: ["a"] },
      { op: "save", namespace: "ws", upserts: ["b"], deletes: [] },
      { op: "load", namespace: "other" },
      { op: "save", namespace: "other", upserts: ["x"], deletes: [] },
      { op: "save", namespace: "other", upserts: [], deletes: ["x"] },
    ]);

    const second = createEmbeddedIndex({ persistence });
    const matches = await second.query("ws", { vector: [0, 1], topK: 10 });
    expect(matches.map((m) => [m.id, m.metadata.kind])).toEqual([
      ["b", "updated"],
      ["c", "blog"],
    ]);
    expect(await second.query("other", { vector: [1, 0, 0], topK: 10 })).toEqual([]);
  });

  it("leaves memory unchanged when the persistence hook fails", async () => {
    const persistence = createMemoryPersistence();
    const index = createEmbeddedIndex({
      persistence: {
        load: persistence.load,
        save: async () => {
          throw new Error("disk full");
        },
      },
    });
    await expect(index.upsert("ws", [{ id: "a", values: [1, 0], metadata: {} }])).rejects.toThrow("disk full");
    expect(await index.query("ws", { vector: [1, 0], topK: 1 })).toEqual([]);
    // The write queue is not stuck after a failure.
    await expect(index.upsert("ws", [{ id: "a", values: [1, 0], metadata: {} }])).rejects.toThrow("disk full");
  });

  it("does not expose internal metadata to mutation", async () => {
    const index = createEmbeddedIndex();
    const tags = ["x"];
    await index.upsert("ws", [{ id: "a", values: [1, 0], metadata: { tags } }]);
    tags.push("y");
    const [m] = await index.query("ws", { vector: [1, 0], topK: 1 });
    (m!.metadata.tags as string[]).push("z");
    expect((await index.query("ws", { vector: [1, 0], topK: 1 }))[0]?.metadata).toEqual({ tags: ["x"] });
  });
});

/** Float64 cosine similarity of the raw (unnormalised) vectors. */
function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let j = 0; j < a.length; j++) {
    dot += a[j]! * b[j]!;
    na += a[j]! * a[j]!;
    nb += b[j]! * b[j]!;
  }
  return dot / Math.sqrt(na * nb);
}

/** The top `k` of `records` for `query` by float64 cosine, ties in insertion order. */
function bruteForce(records: readonly VectorRecord[], query: readonly number[], k: number) {
  return records
    .map((r) => ({ id: r.id, score: cosine(query, r.values) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}

/** A promise with its resolve function, to hold a persistence call open. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe.each([
  ["SIMD", true],
  ["scalar", false],
])("embedded index, column layout (%s)", (_, simd) => {
  it("ranks sparse offline-embedder queries exactly like brute force (with and without filters)", async () => {
    const random = rng(11);
    const records: VectorRecord[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `p${i}`,
      values: embedText(productText(random)),
      metadata: { bucket: i % 50 },
    }));
    const index = createEmbeddedIndex({ simd });
    await index.upsert("shop", records);
    for (let t = 0; t < 20; t++) {
      const query = embedText(queryText(random));
      const nonZero = query.filter((v) => v !== 0).length;
      expect(nonZero).toBeLessThan(100); // really sparse
      const got = await index.query("shop", { vector: query, topK: 10 });
      const want = bruteForce(records, query, 10);
      expect(got.map((m) => m.id)).toEqual(want.map((m) => m.id));
      got.forEach((m, i) => expect(m.score).toBeCloseTo(want[i]!.score, 6));

      // 1 in 50 records: scored slot by slot. 40 in 50: scored block by block.
      const few = await index.query("shop", { vector: query, topK: 10, filter: { bucket: 7 } });
      expect(few.map((m) => m.id)).toEqual(
        bruteForce(
          records.filter((r) => r.metadata.bucket === 7),
          query,
          10,
        ).map((m) => m.id),
      );
      const many = await index.query("shop", { vector: query, topK: 10, filter: { bucket: { $lt: 40 } } });
      expect(many.map((m) => m.id)).toEqual(
        bruteForce(
          records.filter((r) => (r.metadata.bucket as number) < 40),
          query,
          10,
        ).map((m) => m.id),
      );
    }
  }, 30_000);

  it("keeps every stored vector intact across deletes, re-upserts and slot moves", async () => {
    const random = rng(5);
    const dims = 13; // not a multiple of 4
    const vec = () => Array.from({ length: dims }, () => random() - 0.5);
    const live = new Map<string, VectorRecord>();
    const index = createEmbeddedIndex({ simd });
    const batch = Array.from({ length: 2500 }, (_, i) => ({ id: `r${i}`, values: vec(), metadata: { i } }));
    await index.upsert("ns", batch);
    for (const r of batch) live.set(r.id, r);
    for (let round = 0; round < 4; round++) {
      const doomed = [...live.keys()].filter(() => random() < 0.3);
      await index.delete("ns", doomed);
      for (const id of doomed) live.delete(id);
      const replaced = [...live.keys()].filter(() => random() < 0.1).map((id) => ({ id, values: vec(), metadata: {} }));
      const added = Array.from({ length: 200 }, (_, i) => ({ id: `n${round}_${i}`, values: vec(), metadata: {} }));
      await index.upsert("ns", [...replaced, ...added]);
      for (const r of [...replaced, ...added]) live.set(r.id, r);

      expect(await index.count("ns")).toBe(live.size);
      // topK = everything: every live record comes back once, with its exact cosine.
      const query = vec();
      const all = await index.query("ns", { vector: query, topK: 10_000 });
      expect(all).toHaveLength(live.size);
      for (const m of all) expect(m.score).toBeCloseTo(cosine(query, live.get(m.id)!.values), 6);
      const top = await index.query("ns", { vector: query, topK: 10 });
      expect(top.map((m) => m.id)).toEqual(bruteForce([...live.values()], query, 10).map((m) => m.id));
    }
    // Emptying the namespace releases it; it then accepts another dimension.
    await index.delete("ns", [...live.keys()]);
    expect(await index.query("ns", { vector: vec(), topK: 5 })).toEqual([]);
    await index.upsert("ns", [{ id: "x", values: [0, 1], metadata: {} }]);
    expect(await index.query("ns", { vector: [0, 3], topK: 5 })).toMatchObject([{ id: "x", score: 1 }]);
  }, 30_000);

  it("keeps every stored vector intact while growing across capacity boundaries", async () => {
    const random = rng(9);
    const dims = 6;
    const records: VectorRecord[] = [];
    const index = createEmbeddedIndex({ simd });
    // One record per upsert: capacity doubles 16 → 32 → … → 4096 (and moves to SIMD memory at 1024).
    const checkpoints = new Set([1, 16, 17, 33, 1023, 1024, 1025, 2048, 2049, 4100]);
    for (let i = 0; i < 4100; i++) {
      const record = { id: `g${i}`, values: Array.from({ length: dims }, () => random() - 0.5), metadata: {} };
      records.push(record);
      await index.upsert("grow", [record]);
      if (!checkpoints.has(i + 1)) continue;
      const query = Array.from({ length: dims }, () => random() - 0.5);
      const all = await index.query("grow", { vector: query, topK: 10_000 });
      expect(all).toHaveLength(records.length);
      const byId = new Map(records.map((r) => [r.id, r]));
      for (const m of all) expect(m.score).toBeCloseTo(cosine(query, byId.get(m.id)!.values), 6);
    }
    // A bulk upsert past the current capacity, then a reload-sized reservation.
    const more = Array.from({ length: 5000 }, (_, i) => ({
      id: `b${i}`,
      values: Array.from({ length: dims }, () => random() - 0.5),
      metadata: {},
    }));
    await index.upsert("grow", more);
    records.push(...more);
    const query = Array.from({ length: dims }, () => random() - 0.5);
    const top = await index.query("grow", { vector: query, topK: 25 });
    expect(top.map((m) => m.id)).toEqual(bruteForce(records, query, 25).map((m) => m.id));
  }, 30_000);
});

describe("embedded index: evict and size", () => {
  it("reloads an evicted namespace from persistence on next use", async () => {
    const persistence = createMemoryPersistence();
    const writer = createEmbeddedIndex({ persistence });
    const reader = createEmbeddedIndex({ persistence });
    expect(reader.size("ws")).toBeUndefined();
    await writer.upsert("ws", [{ id: "a", values: [1, 0], metadata: {} }]);
    expect(await reader.query("ws", { vector: [1, 0], topK: 5 })).toMatchObject([{ id: "a" }]);
    expect(reader.size("ws")).toBe(1);

    // Another instance changes the data: the reader keeps its copy until evicted.
    await writer.upsert("ws", [{ id: "b", values: [0.9, 0.1], metadata: {} }]);
    await writer.delete("ws", ["a"]);
    expect((await reader.query("ws", { vector: [1, 0], topK: 5 })).map((m) => m.id)).toEqual(["a"]);
    const loadsBefore = persistence.calls.filter((c) => c.op === "load").length;
    const savesBefore = persistence.calls.filter((c) => c.op === "save").length;
    reader.evict("ws");
    expect(reader.size("ws")).toBeUndefined();
    expect((await reader.query("ws", { vector: [1, 0], topK: 5 })).map((m) => m.id)).toEqual(["b"]);
    expect(reader.size("ws")).toBe(1);
    expect(persistence.calls.filter((c) => c.op === "load")).toHaveLength(loadsBefore + 1);
    // Evicting never writes.
    expect(persistence.calls.filter((c) => c.op === "save")).toHaveLength(savesBefore);

    // Unknown or never-loaded namespaces: no-op. Invalid names are rejected like everywhere else.
    reader.evict("ws_other");
    expect(reader.size("ws_other")).toBeUndefined();
    expect(() => reader.evict("")).toThrow(/namespace/);
  });

  it("lets queued writes finish and save before reloading", async () => {
    const memory = createMemoryPersistence();
    const saveGate = gate();
    const order: string[] = [];
    const persistence: EmbeddedPersistence = {
      async load(namespace) {
        order.push("load");
        return memory.load(namespace);
      },
      async save(namespace, upserts, deletes) {
        order.push(`save ${upserts.map((r) => r.id).join(",")}`);
        if (upserts.some((r) => r.id === "slow")) await saveGate.promise;
        await memory.save(namespace, upserts, deletes);
      },
    };
    const index = createEmbeddedIndex({ persistence });
    await index.upsert("ws", [{ id: "a", values: [1, 0], metadata: {} }]);
    const slow = index.upsert("ws", [{ id: "slow", values: [0, 1], metadata: {} }]);
    const queued = index.upsert("ws", [{ id: "queued", values: [1, 1], metadata: {} }]);
    await Promise.resolve();
    index.evict("ws");
    const after = index.upsert("ws", [{ id: "after", values: [1, 2], metadata: {} }]);
    const query = index.query("ws", { vector: [0, 1], topK: 10 });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(["load", "save a", "save slow"]); // nothing reloads while a write is open
    saveGate.open();
    await Promise.all([slow, queued, after]);
    expect(order).toEqual(["load", "save a", "save slow", "save queued", "load", "save after"]);
    // The reload includes every write queued before the eviction (a query does not wait for
    // writes queued after it, as without eviction).
    expect((await query).map((m) => m.id)).toEqual(expect.arrayContaining(["a", "queued", "slow"]));
    expect((await index.query("ws", { vector: [0, 1], topK: 10 })).map((m) => m.id).sort()).toEqual([
      "a",
      "after",
      "queued",
      "slow",
    ]);
    expect(index.size("ws")).toBe(4);
  });

  it("never shows a partly loaded namespace to a concurrent query", async () => {
    const memory = createMemoryPersistence();
    const records = Array.from({ length: 3000 }, (_, i) => ({
      id: `r${i}`,
      values: [1, i / 3000, 0.5],
      metadata: {},
    }));
    await memory.save("ws", records, []);
    const loadGate = gate();
    let holdLoads = false;
    const persistence: EmbeddedPersistence = {
      async load(namespace) {
        const loaded = await memory.load(namespace);
        if (holdLoads) await loadGate.promise;
        return loaded;
      },
      save: memory.save,
    };
    const index = createEmbeddedIndex({ persistence });
    expect(await index.count("ws")).toBe(3000);

    // A query that already has the namespace finishes against the old data.
    const before = index.query("ws", { vector: [1, 0, 0], topK: 10_000 });
    await memory.save("ws", [], ["r0", "r1"]);
    holdLoads = true;
    index.evict("ws");
    const during = index.query("ws", { vector: [1, 0, 0], topK: 10_000 });
    const counted = index.count("ws");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(index.size("ws")).toBeUndefined(); // still loading
    loadGate.open();
    expect(await before).toHaveLength(3000);
    expect(await during).toHaveLength(2998);
    expect(await counted).toBe(2998);
    expect(index.size("ws")).toBe(2998);
  });

  it("without persistence, evict empties the namespace; size tracks writes", async () => {
    const index = createEmbeddedIndex();
    await index.upsert("ws", [
      { id: "a", values: [1, 0], metadata: {} },
      { id: "b", values: [0, 1], metadata: {} },
    ]);
    expect(index.size("ws")).toBe(2);
    await index.delete("ws", ["a"]);
    expect(index.size("ws")).toBe(1);
    index.evict("ws");
    expect(index.size("ws")).toBeUndefined();
    expect(await index.query("ws", { vector: [0, 1], topK: 1 })).toEqual([]);
    expect(index.size("ws")).toBe(0);
  });
});
