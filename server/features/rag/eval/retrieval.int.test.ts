import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "@/server/testing/databases";
import { evaluateRetrieval } from "./run";

// A regression floor, not a target: the figures measured when the set was built were
// lexical 0.940 / vector 0.863 / hybrid 0.927 Recall@10 (see README.md). A drop below these
// floors means a change to chunking, ranking or fusion made retrieval clearly worse.
describe("retrieval quality on the labelled Northwind set", () => {
  it("keeps Recall@10 and MRR above their floors in every mode", async () => {
    const r = await evaluateRetrieval({ root: path.resolve(ROOT) });
    expect(r.lexical.mean.recall).toBeGreaterThanOrEqual(0.9);
    expect(r.vector.mean.recall).toBeGreaterThanOrEqual(0.8);
    expect(r.hybrid.mean.recall).toBeGreaterThanOrEqual(0.88);
    expect(r.hybrid.mean.rr).toBeGreaterThanOrEqual(0.75);
    expect(r.hybrid.queries).toHaveLength(39);
  }, 120_000);
});
