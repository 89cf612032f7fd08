import { describe, expect, it } from "vitest";
import {
  dcgAtK,
  judgeQuery,
  judgeRun,
  matchesLabel,
  matchRanking,
  meanOf,
  ndcgAtK,
  normalizeWhitespace,
  recallAtK,
  reciprocalRank,
  sameSource,
  type LabelledQuery,
  type RankedResult,
} from "./metrics";

const LOG2_3 = Math.log2(3); // discount of rank 2
const LOG2_5 = Math.log2(5); // discount of rank 4

describe("recallAtK", () => {
  it("counts the hits in the top k over all relevant labels", () => {
    const hits = [0, 1, 0, 1];
    expect(recallAtK(hits, 3, 1)).toBe(0);
    expect(recallAtK(hits, 3, 2)).toBeCloseTo(1 / 3, 12);
    expect(recallAtK(hits, 3, 4)).toBeCloseTo(2 / 3, 12);
    expect(recallAtK(hits, 3, 10)).toBeCloseTo(2 / 3, 12); // k beyond the list
  });

  it("accepts boolean flags and per-rank counts", () => {
    expect(recallAtK([true, false, true], 4, 10)).toBe(0.5);
    expect(recallAtK([2, 0, 1], 3, 1)).toBeCloseTo(2 / 3, 12);
    expect(recallAtK([2, 0, 1], 3, 3)).toBe(1);
  });

  it("is 0 with no relevant results or an empty list", () => {
    expect(recallAtK([0, 0, false], 2, 10)).toBe(0);
    expect(recallAtK([], 2, 10)).toBe(0);
  });

  it("rejects bad input", () => {
    expect(() => recallAtK([1], 0, 10)).toThrow(RangeError);
    expect(() => recallAtK([1], 1, 0)).toThrow(RangeError);
    expect(() => recallAtK([1], 1, 2.5)).toThrow(RangeError);
    expect(() => recallAtK([1, 1], 1, 1)).toThrow(/more than totalRelevant/); // hits beyond k count too
    expect(() => recallAtK([0.5], 1, 1)).toThrow(RangeError);
    expect(() => recallAtK([-1], 1, 1)).toThrow(RangeError);
  });
});

describe("reciprocalRank", () => {
  it("is 1 / rank of the first relevant result", () => {
    expect(reciprocalRank([1, 0, 1])).toBe(1);
    expect(reciprocalRank([0, 0, 1])).toBeCloseTo(1 / 3, 12);
    expect(reciprocalRank([false, true])).toBe(0.5);
    expect(reciprocalRank([0, 2, 1])).toBe(0.5); // grades work too: any value > 0 is relevant
  });

  it("is 0 when nothing relevant is in the top k", () => {
    expect(reciprocalRank([0, 0, 1], 2)).toBe(0);
    expect(reciprocalRank([0, 0, 0])).toBe(0);
    expect(reciprocalRank([])).toBe(0);
  });

  it("rejects bad input", () => {
    expect(() => reciprocalRank([1], 0)).toThrow(RangeError);
    expect(() => reciprocalRank([-1, 1])).toThrow(RangeError);
    expect(() => reciprocalRank([Number.NaN])).toThrow(RangeError);
  });
});

describe("dcgAtK / ndcgAtK", () => {
  it("uses gains 2^g − 1 and a log2(rank + 1) discount", () => {
    // rank 1: (2^2 − 1) / log2(2) = 3; rank 2: 0; rank 3: (2^1 − 1) / log2(4) = 0.5
    expect(dcgAtK([2, 0, 1], 10)).toBe(3.5);
    expect(dcgAtK([2, 0, 1], 1)).toBe(3);
    expect(dcgAtK([], 10)).toBe(0);
  });

  it("graded nDCG with hand-computed values", () => {
    const idcg = 3 + 1 / LOG2_3; // ideal [2, 1] = 3.6309…
    expect(ndcgAtK([2, 0, 1], [2, 1], 10)).toBeCloseTo(3.5 / idcg, 12);
    expect(ndcgAtK([2, 0, 1], [2, 1], 10)).toBeCloseTo(0.963940433, 8);
    // the same two labels found in the other order: the grade-1 one first
    expect(ndcgAtK([1, 2], [2, 1], 10)).toBeCloseTo((1 + 3 / LOG2_3) / idcg, 12); // 0.7967…
    expect(ndcgAtK([0, 1, 2], [2, 1], 10)).toBeCloseTo((1 / LOG2_3 + 3 / 2) / idcg, 12); // 0.5869…
    // only the grade-1 label found
    expect(ndcgAtK([1], [2, 1], 10)).toBeCloseTo(1 / idcg, 12);
  });

  it("is 1 for the ideal order, whatever order the ideal grades come in (ties included)", () => {
    expect(ndcgAtK([2, 1], [1, 2], 10)).toBe(1);
    expect(ndcgAtK([1, 1], [1, 1], 10)).toBe(1);
    expect(ndcgAtK([2, 2, 1], [1, 2, 2], 10)).toBe(1);
  });

  it("tied grades are interchangeable", () => {
    // [2, 1, 1] ideal; the ranking finds one grade-1 label at rank 1 and the other at rank 3
    const idcg = 3 + 1 / LOG2_3 + 1 / 2;
    expect(ndcgAtK([1, 0, 1], [2, 1, 1], 10)).toBeCloseTo((1 + 1 / 2) / idcg, 12);
    expect(ndcgAtK([0, 2, 1], [2, 1, 1], 10)).toBeCloseTo(0.579237461, 8);
  });

  it("cuts both the ranking and the ideal at k", () => {
    expect(ndcgAtK([0, 0, 2], [2, 1], 2)).toBe(0);
    expect(ndcgAtK([0, 0, 2], [2, 1], 3)).toBeCloseTo(1.5 / (3 + 1 / LOG2_3), 12); // 0.4131…
    // ideal [2, 2, 2] at k = 2 only counts two of the three labels
    expect(ndcgAtK([2, 0, 0], [2, 2, 2], 2)).toBeCloseTo(3 / (3 + 3 / LOG2_3), 12); // 0.6131…
    expect(ndcgAtK([2, 2], [2, 2, 2], 2)).toBe(1);
  });

  it("is 0 when nothing relevant was retrieved", () => {
    expect(ndcgAtK([0, 0, 0], [2, 1], 10)).toBe(0);
    expect(ndcgAtK([], [2], 10)).toBe(0);
  });

  it("rejects bad input", () => {
    expect(() => ndcgAtK([1], [], 10)).toThrow(/idealGrades/);
    expect(() => ndcgAtK([1], [0, 0], 10)).toThrow(/idealGrades/);
    expect(() => ndcgAtK([-1], [1], 10)).toThrow(RangeError);
    expect(() => ndcgAtK([1], [1], 0)).toThrow(RangeError);
    expect(() => dcgAtK([Number.POSITIVE_INFINITY], 1)).toThrow(RangeError);
  });
});

describe("meanOf", () => {
  it("averages", () => {
    expect(meanOf([1, 0, 0.5])).toBe(0.5);
    expect(meanOf([0.25])).toBe(0.25);
  });
  it("throws on an empty list", () => {
    expect(() => meanOf([])).toThrow(RangeError);
  });
});

describe("matching a result to a label", () => {
  const label = { source: "returns-and-exchanges.md", contains: "members have 60 days", grade: 2 };

  it("normalises whitespace on both sides", () => {
    expect(normalizeWhitespace("  a\n\tb \u00a0 c  ")).toBe("a b c");
    expect(
      matchesLabel({ source: "returns-and-exchanges.md", text: "Trail Club members have\n  60 days" }, label),
    ).toBe(true);
    expect(
      matchesLabel({ source: "returns-and-exchanges.md", text: "x" }, { ...label, contains: "members  have\n60 days" }),
    ).toBe(false);
  });

  it("requires the same source (a path whose file name equals it is the same source)", () => {
    expect(sameSource("returns-and-exchanges.md", "returns-and-exchanges.md")).toBe(true);
    expect(sameSource("server/features/demo/knowledge/returns-and-exchanges.md", "returns-and-exchanges.md")).toBe(
      true,
    );
    expect(sameSource("C:\\kb\\returns-and-exchanges.md", "returns-and-exchanges.md")).toBe(true);
    expect(sameSource("cli:returns-and-exchanges.md", "returns-and-exchanges.md")).toBe(true);
    expect(sameSource("old-returns-and-exchanges.md", "returns-and-exchanges.md")).toBe(false);
    expect(matchesLabel({ source: "faq.txt", text: "members have 60 days" }, label)).toBe(false);
  });

  it("is case-sensitive and needs the whole phrase", () => {
    expect(matchesLabel({ source: "returns-and-exchanges.md", text: "Members Have 60 Days" }, label)).toBe(false);
    expect(matchesLabel({ source: "returns-and-exchanges.md", text: "members have 60" }, label)).toBe(false);
  });

  it("credits each label once, at the first rank that contains it; one result may match several labels", () => {
    const labels = [
      { source: "a.md", contains: "alpha beta gamma delta epsilon", grade: 2 },
      { source: "a.md", contains: "one two three four five", grade: 1 },
    ];
    const results: RankedResult[] = [
      { source: "a.md", text: "nothing here" },
      { source: "a.md", text: "alpha beta gamma delta epsilon, one two three four five" },
      { source: "a.md", text: "alpha beta gamma delta epsilon again" },
    ];
    expect(matchRanking(results, labels)).toEqual([[], [0, 1], []]);
  });
});

describe("judgeRun", () => {
  // Query A: three labels, grades 2, 1, 2.
  const queryA: LabelledQuery = {
    id: "qa",
    relevant: [
      { source: "a.md", contains: "alpha beta gamma delta epsilon", grade: 2 },
      { source: "a.md", contains: "one two three four five", grade: 1 },
      { source: "b.md", contains: "red orange yellow green blue", grade: 2 },
    ],
  };
  const resultsA: RankedResult[] = [
    { source: "kb/a.md", text: "Intro.\n\nalpha  beta\ngamma delta epsilon." }, // rank 1: label 0 (grade 2)
    { source: "c.md", text: "red orange yellow green blue" }, // rank 2: right text, wrong source
    { source: "a.md", text: "alpha beta gamma delta epsilon; one two three four five" }, // rank 3: label 1 only (0 was found)
    { source: "b.md", text: "red orange yellow green blue" }, // rank 4: label 2
  ];
  // Query B: one result covers both labels.
  const queryB: LabelledQuery = {
    id: "qb",
    relevant: [
      { source: "b.md", contains: "red orange yellow green blue", grade: 2 },
      { source: "b.md", contains: "cyan magenta yellow key black", grade: 2 },
    ],
  };
  const resultsB: RankedResult[] = [
    { source: "b.md", text: "noise" },
    { source: "b.md", text: "red orange yellow green blue. cyan magenta yellow key black" },
  ];
  // Query C: nothing retrieved.
  const queryC: LabelledQuery = { id: "qc", relevant: [{ source: "a.md", contains: "x y z w v", grade: 2 }] };

  it("scores each query at k = 10 (default) and averages", () => {
    const run = judgeRun([queryA, queryB, queryC], [resultsA, resultsB, []]);
    expect(run.k).toBe(10);
    const [a, b, c] = run.queries;

    // A: grades by rank [2, 0, 1, 2]; ideal [2, 2, 1]
    const idcgA = 3 + 3 / LOG2_3 + 1 / 2;
    expect(a).toMatchObject({ id: "qa", recall: 1, rr: 1, missed: [] });
    expect(a!.ndcg).toBeCloseTo((3 + 1 / 2 + 3 / LOG2_5) / idcgA, 12); // 0.8886…
    expect(a!.found).toEqual([
      { label: 0, rank: 1 },
      { label: 1, rank: 3 },
      { label: 2, rank: 4 },
    ]);

    // B: rank 2 matches both labels: recall counts both, nDCG credits one grade 2 at rank 2.
    expect(b).toMatchObject({ id: "qb", recall: 1, rr: 0.5, missed: [] });
    expect(b!.ndcg).toBeCloseTo(3 / LOG2_3 / (3 + 3 / LOG2_3), 12); // 0.3869…

    // C: no results at all.
    expect(c).toEqual({ id: "qc", recall: 0, rr: 0, ndcg: 0, found: [], missed: [0] });

    expect(run.mean.recall).toBeCloseTo(2 / 3, 12);
    expect(run.mean.rr).toBeCloseTo(1.5 / 3, 12);
    expect(run.mean.ndcg).toBeCloseTo((a!.ndcg + b!.ndcg + 0) / 3, 12);
  });

  it("applies the k cut-off to recall, RR and nDCG (found still lists later ranks)", () => {
    const a = judgeQuery(queryA, resultsA, 3);
    expect(a.recall).toBeCloseTo(2 / 3, 12);
    expect(a.rr).toBe(1);
    expect(a.ndcg).toBeCloseTo(3.5 / (3 + 3 / LOG2_3 + 1 / 2), 12); // 0.6490…
    expect(a.found.at(-1)).toEqual({ label: 2, rank: 4 });

    const b = judgeQuery(queryB, resultsB, 1);
    expect(b).toMatchObject({ recall: 0, rr: 0, ndcg: 0 });
  });

  it("a duplicate of an already-found passage earns nothing", () => {
    const q: LabelledQuery = {
      id: "qd",
      relevant: [{ source: "a.md", contains: "alpha beta gamma delta epsilon", grade: 2 }],
    };
    const same = { source: "a.md", text: "alpha beta gamma delta epsilon" };
    const j = judgeQuery(q, [same, same, same]);
    expect(j).toMatchObject({ recall: 1, rr: 1, ndcg: 1, found: [{ label: 0, rank: 1 }] });
  });

  it("rejects inconsistent input", () => {
    expect(() => judgeRun([queryA, queryB], [resultsA])).toThrow(/expected 2/);
    expect(() => judgeRun([], [])).toThrow(RangeError);
    expect(() => judgeRun([queryA], [resultsA], 0)).toThrow(RangeError);
    expect(() => judgeQuery({ id: "qe", relevant: [] }, [])).toThrow(/no relevant labels/);
    expect(() => judgeQuery({ id: "qf", relevant: [{ source: "a.md", contains: "a b c d e", grade: 0 }] }, [])).toThrow(
      /grade ≥ 1/,
    );
  });
});
