import { afterEach, beforeEach, describe, expect, it } from "vitest";

import type { VectorIndex, VectorRecord } from "../types";

/**
 * Behaviour every VectorIndex must have. `setup` runs before each test and must return an index
 * with no data; `teardown` runs after each.
 */
export function describeVectorIndexContract(
  name: string,
  setup: () => Promise<VectorIndex>,
  teardown: () => Promise<void> = async () => {},
): void {
  describe(`VectorIndex contract: ${name}`, () => {
    let index: VectorIndex;
    beforeEach(async () => {
      index = await setup();
    });
    afterEach(teardown);

    const ns = "ws_alpha";
    // Unit-ish vectors in 4 dims; the query [1,0,0,0] ranks a > b > c > d.
    const docs: VectorRecord[] = [
      { id: "a", values: [1, 0, 0, 0], metadata: { kind: "faq", year: 2021, tags: ["x", "y"], live: true } },
      { id: "b", values: [0.9, 0.1, 0, 0], metadata: { kind: "blog", year: 2022, tags: ["y"], live: false } },
      { id: "c", values: [0.5, 0.5, 0.2, 0], metadata: { kind: "faq", year: 2023, tags: ["z"], live: true } },
      { id: "d", values: [0, 1, 0, 0], metadata: { kind: "doc", year: 2024, tags: [], live: true } },
      { id: "e", values: [-1, 0, 0, 0], metadata: { kind: "blog", year: 2025, tags: ["x"], live: false } },
    ];
    const q = [1, 0, 0, 0];
    const ids = (m: { id: string }[]) => m.map((x) => x.id);

    it("returns nearest neighbours in descending cosine order with metadata", async () => {
      await index.upsert(ns, docs);
      const result = await index.query(ns, { vector: q, topK: 5 });
      expect(ids(result)).toEqual(["a", "b", "c", "d", "e"]);
      expect(result[0]?.score).toBeCloseTo(1, 5);
      expect(result[1]?.score).toBeCloseTo(0.9 / Math.sqrt(0.82), 5);
      expect(result[3]?.score).toBeCloseTo(0, 5);
      expect(result[4]?.score).toBeCloseTo(-1, 5);
      expect(result[0]?.metadata).toEqual(docs[0]?.metadata);
      // Scale-invariant: cosine, not dot product.
      expect(ids(await index.query(ns, { vector: [10, 0, 0, 0], topK: 2 }))).toEqual(["a", "b"]);
    });

    it("bounds results by topK", async () => {
      await index.upsert(ns, docs);
      expect(ids(await index.query(ns, { vector: q, topK: 2 }))).toEqual(["a", "b"]);
      expect(await index.query(ns, { vector: q, topK: 100 })).toHaveLength(5);
      expect(ids(await index.query(ns, { vector: q, topK: 1 }))).toEqual(["a"]);
    });

    it("returns [] for an empty or unknown namespace", async () => {
      expect(await index.query("ws_nobody", { vector: q, topK: 3 })).toEqual([]);
      await index.upsert(ns, docs);
      expect(await index.query("ws_nobody", { vector: q, topK: 3 })).toEqual([]);
    });

    it("applies equality filters (shorthand, $eq, booleans, list membership) and $ne", async () => {
      await index.upsert(ns, docs);
      expect(ids(await index.query(ns, { vector: q, topK: 5, filter: { kind: "faq" } }))).toEqual(["a", "c"]);
      expect(ids(await index.query(ns, { vector: q, topK: 5, filter: { kind: { $eq: "blog" } } }))).toEqual(["b", "e"]);
      expect(ids(await index.query(ns, { vector: q, topK: 5, filter: { live: false } }))).toEqual(["b", "e"]);
      expect(ids(await index.query(ns, { vector: q, topK: 5, filter: { tags: "x" } }))).toEqual(["a", "e"]);
      expect(ids(await index.query(ns, { vector: q, topK: 5, filter: { kind: { $ne: "faq" } } }))).toEqual([
        "b",
        "d",
        "e",
      ]);
      expect(
        ids(await index.query(ns, { vector: q, topK: 5, filter: { kind: "faq", live: true, year: 2023 } })),
      ).toEqual(["c"]);
    });

    it("applies $in and $nin", async () => {
      await index.upsert(ns, docs);
      expect(ids(await index.query(ns, { vector: q, topK: 5, filter: { kind: { $in: ["doc", "blog"] } } }))).toEqual([
        "b",
        "d",
        "e",
      ]);
      expect(ids(await index.query(ns, { vector: q, topK: 5, filter: { kind: { $nin: ["doc", "blog"] } } }))).toEqual([
        "a",
        "c",
      ]);
      expect(ids(await index.query(ns, { vector: q, topK: 5, filter: { tags: { $in: ["z", "y"] } } }))).toEqual([
        "a",
        "b",
        "c",
      ]);
      expect(ids(await index.query(ns, { vector: q, topK: 5, filter: { tags: { $nin: ["x"] } } }))).toEqual([
        "b",
        "c",
        "d",
      ]);
    });

    it("applies numeric ranges", async () => {
      await index.upsert(ns, docs);
      const f = (filter: object) => index.query(ns, { vector: q, topK: 5, filter: filter as never }).then(ids);
      expect(await f({ year: { $gte: 2022, $lt: 2024 } })).toEqual(["b", "c"]);
      expect(await f({ year: { $gt: 2022 } })).toEqual(["c", "d", "e"]);
      expect(await f({ year: { $lte: 2021 } })).toEqual(["a"]);
      expect(await f({ year: { $gt: 2030 } })).toEqual([]);
    });

    it("applies top-level $and and $or", async () => {
      await index.upsert(ns, docs);
      expect(
        ids(
          await index.query(ns, { vector: q, topK: 5, filter: { $and: [{ live: true }, { year: { $gte: 2022 } }] } }),
        ),
      ).toEqual(["c", "d"]);
      expect(
        ids(
          await index.query(ns, { vector: q, topK: 5, filter: { $or: [{ kind: "doc" }, { year: { $lte: 2021 } }] } }),
        ),
      ).toEqual(["a", "d"]);
    });

    it("filters before ranking: topK counts only matching records", async () => {
      await index.upsert(ns, docs);
      expect(ids(await index.query(ns, { vector: q, topK: 1, filter: { kind: "doc" } }))).toEqual(["d"]);
    });

    it("rejects unsupported filter operators with a clear message", async () => {
      await index.upsert(ns, docs);
      await expect(
        index.query(ns, { vector: q, topK: 1, filter: { kind: { $exists: true } } as never }),
      ).rejects.toThrow(/unsupported operator \$exists/);
    });

    it("replaces values and metadata when an id is upserted again (no duplicates)", async () => {
      await index.upsert(ns, docs);
      await index.upsert(ns, [{ id: "e", values: [0.95, 0.05, 0, 0], metadata: { kind: "moved" } }]);
      const result = await index.query(ns, { vector: q, topK: 10 });
      expect(ids(result)).toEqual(["a", "e", "b", "c", "d"]);
      expect(result[1]?.metadata).toEqual({ kind: "moved" });
      expect(ids(await index.query(ns, { vector: q, topK: 10, filter: { kind: "blog" } }))).toEqual(["b"]);
    });

    it("deletes by ids, ignoring unknown ones", async () => {
      await index.upsert(ns, docs);
      await index.delete(ns, ["a", "c", "missing"]);
      expect(ids(await index.query(ns, { vector: q, topK: 10 }))).toEqual(["b", "d", "e"]);
      await index.delete("ws_never_written", ["a"]);
    });

    it("deletes by filter", async () => {
      await index.upsert(ns, docs);
      await index.deleteByFilter(ns, { live: false });
      expect(ids(await index.query(ns, { vector: q, topK: 10 }))).toEqual(["a", "c", "d"]);
      await index.deleteByFilter(ns, { $or: [{ kind: "doc" }, { year: { $lt: 2022 } }] });
      expect(ids(await index.query(ns, { vector: q, topK: 10 }))).toEqual(["c"]);
    });

    it("keeps namespaces isolated", async () => {
      await index.upsert(ns, docs);
      await index.upsert("ws_beta", [{ id: "a", values: [0, 0, 1, 0], metadata: { kind: "beta" } }]);
      const beta = await index.query("ws_beta", { vector: q, topK: 10 });
      expect(ids(beta)).toEqual(["a"]);
      expect(beta[0]?.metadata).toEqual({ kind: "beta" });
      expect(ids(await index.query(ns, { vector: q, topK: 10, filter: { kind: "beta" } }))).toEqual([]);
      await index.delete("ws_beta", ["a"]);
      expect(ids(await index.query(ns, { vector: q, topK: 1 }))).toEqual(["a"]);
    });

    it("deleteNamespace empties one namespace only", async () => {
      await index.upsert(ns, docs);
      await index.upsert("ws_beta", docs.slice(0, 2));
      await index.deleteNamespace(ns);
      expect(await index.query(ns, { vector: q, topK: 10 })).toEqual([]);
      expect(ids(await index.query("ws_beta", { vector: q, topK: 10 }))).toEqual(["a", "b"]);
      await index.deleteNamespace("ws_never_written");
      // The namespace is usable again afterwards.
      await index.upsert(ns, docs.slice(3, 4));
      expect(ids(await index.query(ns, { vector: q, topK: 10 }))).toEqual(["d"]);
    });

    it("rejects invalid requests before doing anything", async () => {
      await expect(index.query(ns, { vector: q, topK: 0 })).rejects.toMatchObject({ code: "invalid_request" });
      await expect(index.upsert(ns, [{ id: "z", values: [0, 0, 0, 0], metadata: {} }])).rejects.toMatchObject({
        code: "invalid_record",
      });
      await expect(index.deleteByFilter(ns, {})).rejects.toMatchObject({ code: "invalid_filter" });
    });
  });
}
