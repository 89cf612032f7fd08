import { describe, expect, it } from "vitest";
import { chunkDocument } from "./chunk";
import { parseBlocks } from "./parse";
import { foreignWords, rng } from "./test-helpers";

const VOCAB = [
  "boot",
  "tent",
  "Northwind",
  "waterproof",
  "café",
  "Größe",
  "fjäll",
  "日本",
  "🥾",
  "merino",
  "zip",
  "ridge",
  "trail",
  "2-person",
  "1,180g",
  "ÆØÅ",
  "naïve",
  "über",
];

function generate(seed: number): { source: string; crlf: boolean } {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const sentence = (n: number) => {
    const ws = Array.from({ length: 1 + Math.floor(r() * n) }, () => pick(VOCAB));
    const w = ws.join(" ");
    return `${w.charAt(0).toUpperCase()}${w.slice(1)}${pick([".", ".", "!", "?", ""])}`;
  };
  const paragraph = (sentences: number) =>
    Array.from({ length: 1 + Math.floor(r() * sentences) }, () => {
      const s = sentence(14);
      return r() < 0.2 ? `**${s}**` : r() < 0.1 ? `[${s}](https://northwind.example/${Math.floor(r() * 99)})` : s;
    }).join(r() < 0.2 ? "\n" : " ");
  const parts: string[] = [];
  const n = 3 + Math.floor(r() * 25);
  for (let i = 0; i < n; i++) {
    const t = r();
    if (t < 0.25) parts.push(`${"#".repeat(1 + Math.floor(r() * 4))} ${sentence(4).replace(/[.!?]$/, "")}`);
    else if (t < 0.55) parts.push(paragraph(r() < 0.1 ? 60 : 6));
    else if (t < 0.7) {
      const bullet = pick(["-", "*", "1."]);
      const items = 1 + Math.floor(r() * (r() < 0.1 ? 80 : 6));
      parts.push(Array.from({ length: items }, () => `${bullet} ${sentence(10)}`).join("\n"));
    } else if (t < 0.82) {
      const rows = 1 + Math.floor(r() * (r() < 0.15 ? 90 : 5));
      parts.push(
        [
          "| Spec | Value | Note |",
          "|---|---|---|",
          ...Array.from({ length: rows }, () => `| ${pick(VOCAB)} | ${Math.floor(r() * 1000)} | ${sentence(5)} |`),
        ].join("\n"),
      );
    } else if (t < 0.9) {
      const lines = 1 + Math.floor(r() * (r() < 0.15 ? 120 : 6));
      parts.push(
        ["```", ...Array.from({ length: lines }, () => `  ${pick(VOCAB)}(${Math.floor(r() * 9)});`), "```"].join("\n"),
      );
    } else if (t < 0.95) parts.push(`> ${sentence(12)}`);
    else parts.push(`${pick(VOCAB)}`.repeat(200 + Math.floor(r() * 400))); // one giant word
  }
  let source = parts.join(r() < 0.3 ? "\n\n\n" : "\n\n") + (r() < 0.5 ? "\n" : "");
  if (r() < 0.2) source = `---\ntitle: ${sentence(3)}\n---\n${source}`;
  const crlf = r() < 0.4;
  if (crlf) source = source.replace(/\n/g, "\r\n");
  return { source, crlf };
}

describe("property: generated Markdown documents", () => {
  const SEEDS = Array.from({ length: 120 }, (_, i) => i + 1);

  it.each(SEEDS)("seed %i: ordered, disjoint, complete, within maxChars, words from the source", (seed) => {
    const { source } = generate(seed);
    const r = rng(seed * 7919);
    const targetChars = 80 + Math.floor(r() * 900);
    const maxChars = targetChars + Math.floor(r() * 800);
    const overlapChars = Math.floor(r() * 200);
    const splitHeadingLevel = Math.floor(r() * 4);
    const chunks = chunkDocument(source, {
      format: "markdown",
      targetChars,
      maxChars,
      overlapChars,
      splitHeadingLevel,
    });
    const blocks = parseBlocks(source, "markdown");
    expect(chunks.length).toBeGreaterThan(0);

    // Ordered, disjoint, within maxChars.
    chunks.forEach((c, i) => {
      expect(c.index).toBe(i);
      expect(c.start).toBeLessThan(c.end);
      expect(c.text.length).toBeLessThanOrEqual(maxChars);
      if (i > 0) expect(c.start).toBeGreaterThanOrEqual(chunks[i - 1]!.end);
      if (c.overlapStart !== undefined) {
        expect(c.overlapStart).toBeGreaterThanOrEqual(chunks[i - 1]!.start);
        expect(c.overlapStart).toBeLessThan(c.start);
      }
      const tableHeader = "Spec Value Note";
      expect(foreignWords(source, "markdown", c, tableHeader)).toEqual([]);
    });

    // Every non-whitespace character of every block is inside exactly one chunk span (ignoring overlap).
    for (const b of blocks) {
      for (let i = b.start; i < b.end; i++) {
        if (/\s/.test(source[i]!)) continue;
        const holders = chunks.filter((c) => c.start <= i && i < c.end).length;
        if (holders !== 1) throw new Error(`seed ${seed}: offset ${i} of ${b.kind} block held by ${holders} chunks`);
      }
      // Blocks that fit are never split.
      const whole = chunks.some((c) => c.start <= b.start && b.end <= c.end);
      if (b.end - b.start <= maxChars / 2 && b.kind !== "heading") expect(whole).toBe(true);
    }
    // Nothing outside the blocks (front matter, blank lines) starts a chunk.
    for (const c of chunks)
      expect(blocks.some((b) => b.start === c.start || (b.start < c.start && c.start < b.end))).toBe(true);
  });
});

describe("property: the generator exercises the hard cases", () => {
  it("splits oversized blocks, uses CRLF and overlaps in a good share of the documents", () => {
    let split = 0;
    let crlfDocs = 0;
    let overlaps = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const { source, crlf } = generate(seed);
      if (crlf) crlfDocs++;
      const chunks = chunkDocument(source, { format: "markdown", targetChars: 300, maxChars: 500, overlapChars: 100 });
      const blocks = parseBlocks(source, "markdown");
      if (blocks.some((b) => !chunks.some((c) => c.start <= b.start && b.end <= c.end))) split++;
      if (chunks.some((c) => c.overlapStart !== undefined)) overlaps++;
    }
    expect(split).toBeGreaterThan(20);
    expect(crlfDocs).toBeGreaterThan(20);
    expect(overlaps).toBeGreaterThan(20);
  });
});
