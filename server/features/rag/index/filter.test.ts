import { describe, expect, it } from "vitest";

import { createEmbeddedIndex } from "./embedded";
import { InvalidFilterError } from "./errors";
import { matches, parseFilter, toPineconeFilter } from "./filter";
import { createIndexSelector, workspaceNamespace } from "./select";
import type { VectorIndex } from "./types";

const bad = (filter: unknown) => {
  try {
    parseFilter(filter);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidFilterError);
    return (e as Error).message;
  }
  throw new Error("expected the filter to be rejected");
};

describe("parseFilter", () => {
  it("accepts the documented subset", () => {
    for (const f of [
      { kind: "faq" },
      { n: 3, live: true, kind: { $ne: "x" } },
      { kind: { $in: ["a", "b"] }, year: { $gte: 2020, $lt: 2025 } },
      { $and: [{ a: 1 }, { b: { $nin: ["x"] } }] },
      { $or: [{ a: 1 }, { b: 2 }] },
    ]) {
      expect(parseFilter(f)).toBe(f);
    }
    expect(parseFilter({})).toBeUndefined();
    expect(parseFilter(undefined)).toBeUndefined();
  });

  it("names unsupported operators and the path", () => {
    expect(bad({ kind: { $exists: true } })).toMatch(/kind: unsupported operator \$exists \(supported: \$eq, \$ne/);
    expect(bad({ $not: { a: 1 } })).toMatch(/unsupported operator \$not where a field name was expected/);
    expect(bad({ $and: [{ $or: [{ a: 1 }] }] })).toMatch(/\$and\.0\.\$or: \$or is only supported at the top level/);
    expect(bad({ $and: [{ a: 1 }], b: 2 })).toMatch(/\$and must be the only key/);
    expect(bad({ $or: [] })).toMatch(/\$or: must be a non-empty list/);
    expect(bad({ year: { $gt: "2020" } })).toMatch(/year\.\$gt: must be a number/);
    expect(bad({ kind: { $in: [] } })).toMatch(/kind\.\$in: must be a non-empty list/);
    expect(bad({ kind: ["a"] })).toMatch(/kind: must be a string, a finite number or a boolean/);
    expect(bad({ kind: null })).toMatch(/kind:/);
    expect(bad({ kind: {} })).toMatch(/operator object is empty/);
    expect(bad("kind=faq")).toMatch(/Invalid metadata filter/);
  });
});

describe("matches", () => {
  const m = { kind: "faq", year: 2022, tags: ["a", "b"], live: false };
  it("evaluates operators, list membership and missing fields", () => {
    expect(matches(m, { kind: "faq", live: false })).toBe(true);
    expect(matches(m, { tags: "b" })).toBe(true);
    expect(matches(m, { tags: { $ne: "a" } })).toBe(false);
    expect(matches(m, { tags: { $nin: ["c"] } })).toBe(true);
    expect(matches(m, { missing: { $ne: "x" } })).toBe(true);
    expect(matches(m, { missing: "x" })).toBe(false);
    expect(matches(m, { kind: { $gt: 1 } })).toBe(false);
    expect(matches(m, { year: { $gt: 2021, $lte: 2022 } })).toBe(true);
    expect(matches(m, { $or: [{ kind: "blog" }, { year: 2022 }] })).toBe(true);
    expect(matches(m, { $and: [{ kind: "blog" }, { year: 2022 }] })).toBe(false);
    expect(matches(m, undefined)).toBe(true);
    // Strict types: "2022" is not 2022.
    expect(matches(m, { year: "2022" })).toBe(false);
  });

  it("converts shorthand to Pinecone's explicit form", () => {
    expect(toPineconeFilter({ a: 0, b: { $in: ["x"] } })).toEqual({ a: { $eq: 0 }, b: { $in: ["x"] } });
    expect(toPineconeFilter({ $or: [{ a: false }] })).toEqual({ $or: [{ a: { $eq: false } }] });
  });
});

describe("createIndexSelector", () => {
  it("uses the embedded index by default and one Pinecone client per configuration", () => {
    const embedded = createEmbeddedIndex();
    const made: string[] = [];
    const selector = createIndexSelector({
      embedded,
      pinecone: (o) => {
        made.push(o.indexHost);
        return { kind: "pinecone" } as VectorIndex;
      },
    });
    expect(selector.forWorkspace("w1")).toEqual({ index: embedded, namespace: "ws_w1" });
    expect(selector.forWorkspace("w1", { provider: "embedded" }).index).toBe(embedded);
    const cfg = { provider: "pinecone", apiKey: "k", indexHost: "h.pinecone.io" } as const;
    const a = selector.forWorkspace("w2", cfg);
    const b = selector.forWorkspace("w3", cfg);
    expect(a.index.kind).toBe("pinecone");
    expect(a.index).toBe(b.index);
    expect(b.namespace).toBe(workspaceNamespace("w3"));
    expect(made).toEqual(["h.pinecone.io"]);
  });
});
