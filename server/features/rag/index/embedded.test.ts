import { describe, expect, it } from "vitest";

import { createEmbeddedIndex, createMemoryPersistence } from "./embedded";
import { DimensionMismatchError } from "./errors";
import { describeVectorIndexContract } from "./testing/contract";
import type { VectorRecord } from "./types";

describeVectorIndexContract("embedded", async () => createEmbeddedIndex());
describeVectorIndexContract("embedded with persistence", async () =>
  createEmbeddedIndex({ persistence: createMemoryPersistence() }),
);

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

  it("finds the exact top-10 among 20,000 random 384-dim vectors (equals brute force)", async () => {
    const dims = 384;
    const n = 20_000;
    const random = rng(42);
    const vec = () => Array.from({ length: dims }, () => random() * 2 - 1);
    const records: VectorRecord[] = Array.from({ length: n }, (_, i) => ({
      id: `r${i}`,
      values: vec(),
      metadata: { bucket: i % 4 },
    }));
    const index = createEmbeddedIndex();
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
  });

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
