import { describe, expect, it } from "vitest";
import {
  buildQueries,
  CHUNKS_PER_DOC,
  chunkCorpus,
  createRng,
  generateCorpus,
  generateDocument,
  words,
} from "./corpus";
import { percentile, recallAt, summarize } from "./stats";
import { RELATED } from "./vocabulary";

describe("synthetic corpus", () => {
  it("is deterministic: same seed, same documents; another seed, other documents", () => {
    expect(generateCorpus({ chunks: 100, seed: 7 })).toEqual(generateCorpus({ chunks: 100, seed: 7 }));
    expect(generateDocument(3, 7).markdown).not.toBe(generateDocument(3, 8).markdown);
  });

  it("scales by documents: a small corpus is the start of a large one", () => {
    const small = generateCorpus({ chunks: 60, seed: 1 });
    const large = generateCorpus({ chunks: 200, seed: 1 });
    expect(small).toHaveLength(3);
    expect(large).toHaveLength(10);
    expect(large.slice(0, 3)).toEqual(small);
  });

  it("writes Markdown with a title and ## sections that the real chunker turns into 20 chunks each", () => {
    const docs = generateCorpus({ chunks: 400, seed: 11 });
    for (const d of docs) {
      expect(d.markdown.startsWith(`# ${d.title}\n`)).toBe(true);
      expect(d.markdown.match(/^## /gm)).toHaveLength(CHUNKS_PER_DOC - 1);
      expect(d.name).toMatch(/^kb-\d{6}\.md$/);
    }
    const chunks = chunkCorpus(docs);
    expect(chunks).toHaveLength(docs.length * CHUNKS_PER_DOC);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(1200);
  });

  it("has a realistic vocabulary: thousands of distinct words", () => {
    const chunks = chunkCorpus(generateCorpus({ chunks: 2000, seed: 5 }));
    const vocabulary = new Set(chunks.flatMap((c) => words(c.text)).filter((w) => /\p{L}/u.test(w)));
    expect(vocabulary.size).toBeGreaterThan(1500);
  });
});

describe("queries", () => {
  const chunks = chunkCorpus(generateCorpus({ chunks: 1000, seed: 3 }));
  const queries = buildQueries(chunks, { count: 120, seed: 3 });
  const textOf = new Map(chunks.map((c) => [`${c.doc}:${c.ordinal}`, c.text]));

  it("are deterministic", () => {
    expect(buildQueries(chunks, { count: 120, seed: 3 })).toEqual(queries);
    expect(buildQueries(chunks, { count: 120, seed: 4 })).not.toEqual(queries);
  });

  it("each come from a distinct target chunk and use 3–5 of its words", () => {
    expect(queries).toHaveLength(120);
    expect(new Set(queries.map((q) => `${q.target.doc}:${q.target.ordinal}`)).size).toBe(120);
    for (const q of queries) {
      const target = new Set(words(textOf.get(`${q.target.doc}:${q.target.ordinal}`)!));
      expect(q.picked.length).toBeGreaterThanOrEqual(3);
      expect(q.picked.length).toBeLessThanOrEqual(5);
      for (const w of q.picked) expect(target.has(w), `${w} in target of query ${q.id}`).toBe(true);
    }
  });

  it("sometimes swap one word for a related word, and say so", () => {
    const swapped = queries.filter((q) => q.swapped);
    expect(swapped.length).toBeGreaterThan(10);
    expect(swapped.length).toBeLessThan(queries.length / 2);
    for (const q of queries) {
      const text = q.text.split(" ");
      expect(text).toHaveLength(q.picked.length);
      if (!q.swapped) {
        expect(text).toEqual(q.picked);
        continue;
      }
      expect(RELATED[q.swapped.from]).toBe(q.swapped.to);
      expect(text).toContain(q.swapped.to);
      const changed = text.filter((w, i) => w !== q.picked[i]);
      expect(changed).toEqual([q.swapped.to]);
    }
  });
});

describe("rng and stats", () => {
  it("the PRNG repeats for a seed", () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it("percentiles are nearest-rank, recall counts targets in the top k", () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 95)).toBe(95);
    expect(percentile(xs, 100)).toBe(100);
    expect(summarize([1, 2, 3]).mean).toBe(2);
    expect(recallAt(2, [["a", "b", "c"], ["c", "x"], []], ["b", "x", "z"])).toBeCloseTo(2 / 3);
    expect(recallAt(1, [["a", "b"]], ["b"])).toBe(0);
  });
});
