import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chunkDocument, type SourceFormat } from "@/server/features/rag/chunking";
import {
  evalSetSchema,
  loadEvalSet,
  MIN_PHRASE_WORDS,
  NORTHWIND_KNOWLEDGE_DIR,
  NORTHWIND_QUERIES_PATH,
  phraseWords,
} from "./dataset";
import { matchesLabel, normalizeWhitespace } from "./metrics";

const FORMATS: Record<string, SourceFormat> = { ".md": "markdown", ".html": "html", ".txt": "text" };

/** The knowledge documents (the folder's README is documentation, not knowledge). */
const documents = readdirSync(NORTHWIND_KNOWLEDGE_DIR)
  .filter((f) => f !== "README.md")
  .sort();
const read = (file: string) => readFileSync(path.join(NORTHWIND_KNOWLEDGE_DIR, file), "utf8");

/** Occurrences of `needle` in `haystack`, overlapping ones included. */
function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}

const set = loadEvalSet();
const labels = set.queries.flatMap((q) => q.relevant.map((label) => ({ id: q.id, label })));

describe("Northwind knowledge documents", () => {
  it("are 10–12 Markdown, HTML and text files of 3,000–10,000 words in total", () => {
    expect(documents.length).toBeGreaterThanOrEqual(10);
    expect(documents.length).toBeLessThanOrEqual(12);
    for (const f of documents) expect(FORMATS[path.extname(f)], f).toBeDefined();
    expect(documents.filter((f) => f.endsWith(".html"))).toHaveLength(2);
    expect(documents.filter((f) => f.endsWith(".txt"))).toHaveLength(1);
    const words = documents.reduce((sum, f) => sum + phraseWords(read(f).replace(/<[^>]*>/g, " ")).length, 0);
    expect(words).toBeGreaterThanOrEqual(3000);
    expect(words).toBeLessThanOrEqual(10000);
  });

  it.each(documents.filter((f) => f.endsWith(".md")))(
    "%s has front matter with title, tags and effective date",
    (f) => {
      const fm = /^---\n([\s\S]*?)\n---\n/.exec(read(f))?.[1];
      expect(fm, f).toBeDefined();
      expect(fm).toMatch(/^title: \S.*$/m);
      expect(fm).toMatch(/^tags: \[[a-z0-9-]+(, [a-z0-9-]+)*\]$/m);
      expect(fm).toMatch(/^effective: 2026-\d\d-\d\d$/m);
    },
  );

  it("are all labelled by at least one query", () => {
    const labelled = new Set(labels.map((l) => l.label.source));
    expect(documents.filter((f) => !labelled.has(f))).toEqual([]);
  });
});

describe("northwind-queries.json", () => {
  it("matches the schema and has 30–40 queries", () => {
    expect(() => evalSetSchema.parse(JSON.parse(readFileSync(NORTHWIND_QUERIES_PATH, "utf8")))).not.toThrow();
    expect(set.queries.length).toBeGreaterThanOrEqual(30);
    expect(set.queries.length).toBeLessThanOrEqual(40);
  });

  it.each(labels.map((l) => [l.id, l.label.source, l.label.contains, l.label] as const))(
    "%s: %s contains %j exactly once, and a default-size chunk's text and source slice hold it",
    (_id, source, contains, label) => {
      expect(documents, `${source} is not a knowledge document`).toContain(source);
      const text = read(source);
      // Whitespace-normalised like the matcher, so reflowed HTML or Markdown lines cannot hide a match.
      expect(occurrences(normalizeWhitespace(text), contains)).toBe(1);
      const chunks = chunkDocument(text, { format: FORMATS[path.extname(source)]! });
      expect(chunks.some((c) => matchesLabel({ source, text: c.text }, label))).toBe(true);
      expect(chunks.some((c) => matchesLabel({ source, text: text.slice(c.start, c.end) }, label))).toBe(true);
    },
  );
});

describe("evalSetSchema", () => {
  const label = { source: "faq.txt", contains: "one two three four five", grade: 2 };
  const valid = { version: 1, queries: [{ id: "q01", query: "a question", relevant: [label] }] };
  const withLabel = (l: object) => ({ ...valid, queries: [{ ...valid.queries[0]!, relevant: [l] }] });

  it("accepts a minimal set", () => {
    expect(evalSetSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ["an unknown version", { ...valid, version: 2 }],
    ["no queries", { ...valid, queries: [] }],
    ["duplicate ids", { ...valid, queries: [valid.queries[0], valid.queries[0]] }],
    ["a query without labels", { ...valid, queries: [{ ...valid.queries[0], relevant: [] }] }],
    ["a path as source", withLabel({ ...label, source: "knowledge/faq.txt" })],
    ["an unknown extension", withLabel({ ...label, source: "faq.pdf" })],
    [`a phrase under ${MIN_PHRASE_WORDS} words`, withLabel({ ...label, contains: "one two | three four" })],
    ["a phrase with a line break", withLabel({ ...label, contains: "one two\nthree four five" })],
    ["grade 3", withLabel({ ...label, grade: 3 })],
    ["only grade-1 labels", withLabel({ ...label, grade: 1 })],
    ["an extra key", withLabel({ ...label, chunkId: "c1" })],
  ])("rejects %s", (_what, input) => {
    expect(evalSetSchema.safeParse(input).success).toBe(false);
  });
});
