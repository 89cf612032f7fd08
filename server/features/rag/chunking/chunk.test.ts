import { describe, expect, it } from "vitest";
import { chunkDocument, type Chunk } from "./chunk";
import { parseBlocks } from "./parse";
import { fixture, foreignWords } from "./test-helpers";
import type { SourceFormat } from "./types";

const FIXTURES: [string, SourceFormat][] = [
  ["product-sheet.md", "markdown"],
  ["returns-policy.html", "html"],
  ["faq.txt", "text"],
];

function expectWellFormed(source: string, format: SourceFormat, chunks: Chunk[], maxChars: number) {
  const blocks = parseBlocks(source, format);
  chunks.forEach((c, i) => {
    expect(c.index).toBe(i);
    expect(c.start).toBeLessThan(c.end);
    expect(c.text.length).toBeLessThanOrEqual(maxChars);
    expect(c.tokenEstimate).toBe(Math.ceil(c.text.length / 4));
    if (i > 0) expect(c.start).toBeGreaterThanOrEqual(chunks[i - 1]!.end);
    if (c.overlapStart !== undefined) {
      expect(c.overlapStart).toBeLessThan(c.start);
      expect(c.overlapStart).toBeGreaterThanOrEqual(chunks[i - 1]!.start);
    }
    expect(foreignWords(source, format, c)).toEqual([]);
  });
  // Every block lies inside exactly one chunk (none of these fixture blocks needs splitting).
  for (const b of blocks) {
    const holders = chunks.filter((c) => c.start <= b.start && b.end <= c.end);
    expect(holders, source.slice(b.start, b.end)).toHaveLength(1);
  }
}

describe("chunkDocument on fixtures", () => {
  for (const [name, format] of FIXTURES) {
    for (const opts of [
      {},
      { targetChars: 200, overlapChars: 80 },
      { targetChars: 120, maxChars: 400, overlapChars: 40 },
    ]) {
      it(`${name} with ${JSON.stringify(opts)}: exact offsets, words from the source, within maxChars`, () => {
        const source = fixture(name);
        const chunks = chunkDocument(source, { format, ...opts });
        expect(chunks.length).toBeGreaterThan(0);
        expectWellFormed(source, format, chunks, (opts as { maxChars?: number }).maxChars ?? 2000);
      });
    }
  }

  it("is deterministic", () => {
    const source = fixture("product-sheet.md");
    expect(chunkDocument(source, { format: "markdown", targetChars: 150 })).toEqual(
      chunkDocument(source, { format: "markdown", targetChars: 150 }),
    );
  });

  it("returns [] for empty and whitespace-only sources", () => {
    for (const format of ["markdown", "text", "html"] as const) {
      expect(chunkDocument("", { format })).toEqual([]);
      expect(chunkDocument(" \r\n\t\n ", { format })).toEqual([]);
    }
    expect(chunkDocument("<html><head><script>x()</script></head><body> </body></html>", { format: "html" })).toEqual(
      [],
    );
    expect(chunkDocument("---\ntitle: only front matter\n---\n", { format: "markdown" })).toEqual([]);
  });
});

describe("structure", () => {
  const sheet = fixture("product-sheet.md");

  it("keeps tables, lists and code blocks whole when they fit in maxChars", () => {
    const blocks = parseBlocks(sheet, "markdown").filter((b) => ["table", "list", "code"].includes(b.kind));
    expect(blocks).toHaveLength(3);
    const chunks = chunkDocument(sheet, { format: "markdown", targetChars: 60, maxChars: 2000, overlapChars: 0 });
    for (const b of blocks) {
      expect(chunks.filter((c) => c.start <= b.start && b.end <= c.end)).toHaveLength(1);
    }
    const table = chunks.find((c) => c.headingPath.at(-1) === "Specs")!;
    expect(table.text).toBe(
      "Trailhead boot > Specs\n\nSpec | Value\nWeight (pair, size 42) | 1,180 g\nUpper | Full-grain leather, 1.8 mm\n" +
        "Membrane | NorthDry™ waterproof-breathable\nOutsole | Vibram® Megagrip\nDrop | 12 mm\nSizes | EU 36–48, half sizes from 38",
    );
  });

  it("splits a huge Markdown table on row boundaries and repeats the header row", () => {
    const rows = Array.from(
      { length: 80 },
      (_, i) => `| NW-${1000 + i} | Trail sock ${i} | ${(9.5 + i).toFixed(2)} EUR |`,
    );
    const source = `## Price list\n\n| SKU | Product | Price |\n|---|---|---|\n${rows.join("\n")}\n\nPrices include VAT.\n`;
    const chunks = chunkDocument(source, { format: "markdown", targetChars: 300, maxChars: 500, overlapChars: 0 });
    const tableChunks = chunks.filter((c) => c.text.includes("NW-"));
    expect(tableChunks.length).toBeGreaterThan(3);
    const seen: string[] = [];
    for (const c of tableChunks) {
      expect(c.text.length).toBeLessThanOrEqual(500);
      const lines = c.text.split("\n\n")[1]!.split("\n");
      expect(lines[0]).toBe("SKU | Product | Price");
      seen.push(...lines.slice(1));
      const slice = source.slice(c.start, c.end);
      expect(slice.endsWith("|")).toBe(true); // ends on a row boundary
      expect(c.start === 0 || slice.startsWith("| NW-")).toBe(true); // the first one starts at its heading
      expect(foreignWords(source, "markdown", c, "SKU Product Price")).toEqual([]);
    }
    expect(seen).toEqual(rows.map((_, i) => `NW-${1000 + i} | Trail sock ${i} | ${(9.5 + i).toFixed(2)} EUR`));
    expect(chunks.at(-1)!.text).toContain("Prices include VAT.");
  });

  it("splits a huge HTML table on <tr> boundaries and repeats the <thead> row", () => {
    const rows = Array.from({ length: 60 }, (_, i) => `<tr><td>Store ${i}</td><td>Open&nbsp;9&ndash;18</td></tr>`);
    const source = `<h2>Stores</h2><table><thead><tr><th>Store</th><th>Hours</th></tr></thead><tbody>${rows.join("\n")}</tbody></table>`;
    const chunks = chunkDocument(source, { format: "html", targetChars: 200, maxChars: 300, overlapChars: 0 });
    expect(chunks.length).toBeGreaterThan(3);
    const body = chunks.map((c) => c.text.split("\n\n")[1]!.split("\n"));
    for (const lines of body) expect(lines[0]).toBe("Store | Hours");
    expect(body.flatMap((l) => l.slice(1))).toEqual(rows.map((_, i) => `Store ${i} | Open 9–18`));
    for (const c of chunks.slice(1)) expect(source.slice(c.start, c.start + 4)).toBe("<tr>");
  });

  it("splits an oversized list at item boundaries and an oversized paragraph at sentences", () => {
    const items = Array.from({ length: 40 }, (_, i) => `- Item ${i}: a merino base layer in size ${i % 5}`);
    const sentences = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} talks about waterproof jackets.`);
    const source = `# Gear\n\n${items.join("\n")}\n\n${sentences.join(" ")}\n`;
    const chunks = chunkDocument(source, { format: "markdown", targetChars: 250, maxChars: 300, overlapChars: 0 });
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(300);
      const slice = source.slice(c.start, c.end);
      expect(slice).toMatch(/(size \d|jackets\.)$/);
      expect(foreignWords(source, "markdown", c)).toEqual([]);
    }
    const joined = chunks.map((c) => c.text.replace(/^Gear\n\n/, "")).join("\n");
    for (const s of sentences) expect(joined).toContain(s);
    for (const i of items) expect(joined).toContain(i);
  });

  it("splits a long HTML paragraph at sentences outside tags, with entities decoded", () => {
    const sentences = Array.from(
      { length: 30 },
      (_, i) => `Rain jacket <a href="/p/${i}" title="A. B. C.">no.&nbsp;${i}</a> costs &euro;${100 + i}. `,
    );
    const source = `<section><h2>Jackets &amp; shells</h2><p>${sentences.join("")}</p><pre>line 1\n  line 2</pre></section>`;
    const chunks = chunkDocument(source, { format: "html", targetChars: 150, maxChars: 200, overlapChars: 50 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(200);
      expect(c.headingPath).toEqual(["Jackets & shells"]);
      expect(foreignWords(source, "html", c)).toEqual([]);
      expect(source.slice(c.start, c.end)).not.toMatch(/^[^<]*>/); // never starts inside a tag
    }
    const all = chunks.map((c) => c.text).join("\n");
    for (let i = 0; i < 30; i++) expect(all).toContain(`Rain jacket no. ${i} costs €${100 + i}.`);
    expect(chunks.at(-1)!.text.endsWith("line 1\n  line 2")).toBe(true);
  });

  it("cuts a single enormous word without breaking the offsets", () => {
    const source = `Intro.\n\n${"x".repeat(1000)}🥾${"y".repeat(500)}\n`;
    const chunks = chunkDocument(source, { format: "text", targetChars: 200, maxChars: 300 });
    expect(chunks.length).toBeGreaterThan(4);
    for (const c of chunks) {
      expect(c.text.length).toBeLessThanOrEqual(300);
      expect(c.text.replace(/\n\n.*$/s, "")).not.toMatch(/[\uD800-\uDBFF]$/); // no broken surrogate pair
    }
    expect(chunks.map((c) => source.slice(c.start, c.end)).join("")).toBe(source.trim().replace("\n\n", ""));
  });
});

describe("heading paths", () => {
  const source = [
    "# Tents",
    "Our tents.",
    "## Backpacking",
    "Light tents.",
    "### Fjell 2",
    "Two-person tent.",
    "#### Pitching",
    "Inner first.",
    "## Family",
    "Big tents.",
    "# Stoves",
    "Gas and liquid fuel.",
  ].join("\n\n");

  it("tracks nested headings and resets on siblings and parents", () => {
    const chunks = chunkDocument(source, { format: "markdown", targetChars: 40, splitHeadingLevel: 6 });
    expect(chunks.map((c) => c.headingPath)).toEqual([
      ["Tents"],
      ["Tents", "Backpacking"],
      ["Tents", "Backpacking", "Fjell 2"],
      ["Tents", "Backpacking", "Fjell 2", "Pitching"],
      ["Tents", "Family"],
      ["Stoves"],
    ]);
    expect(chunks[2]!.text).toBe("Tents > Backpacking > Fjell 2\n\nTwo-person tent.");
    expect(source.slice(chunks[2]!.start, chunks[2]!.end)).toBe("### Fjell 2\n\nTwo-person tent.");
  });

  it("packs sub-sections below the split level into the parent's chunk, headings inline", () => {
    const chunks = chunkDocument(source, { format: "markdown", targetChars: 1200 });
    expect(chunks.map((c) => c.headingPath)).toEqual([
      ["Tents"],
      ["Tents", "Backpacking"],
      ["Tents", "Family"],
      ["Stoves"],
    ]);
    expect(chunks[1]!.text).toBe(
      "Tents > Backpacking\n\nLight tents.\n\nFjell 2\n\nTwo-person tent.\n\nPitching\n\nInner first.",
    );
  });

  it("attaches a heading to the content below it, even across levels", () => {
    const chunks = chunkDocument("# Boots\n\n## Care\n\nBrush off mud.", { format: "markdown" });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({
      headingPath: ["Boots", "Care"],
      start: 0,
      text: "Boots > Care\n\nBrush off mud.",
    });
  });

  it("gives an empty section a chunk of its own so every block is covered", () => {
    const source = "## Notes\n\n## Care\n\nBrush off mud.\n\n## Contact";
    const chunks = chunkDocument(source, { format: "markdown" });
    expect(chunks.map((c) => [c.text, source.slice(c.start, c.end)])).toEqual([
      ["Notes", "## Notes"],
      ["Care\n\nBrush off mud.", "## Care\n\nBrush off mud."],
      ["Contact", "## Contact"],
    ]);
  });

  it("uses HTML headings too", () => {
    const chunks = chunkDocument(fixture("returns-policy.html"), { format: "html", targetChars: 100 });
    expect(chunks.map((c) => c.headingPath.join(" > "))).toContain("Returns & refunds > How refunds work");
  });
});

describe("front matter", () => {
  it("is skipped (LF and CRLF)", () => {
    for (const nl of ["\n", "\r\n"]) {
      const source = fixture("product-sheet.md").replace(/\r?\n/g, nl);
      const chunks = chunkDocument(source, { format: "markdown", targetChars: 200 });
      expect(chunks[0]!.start).toBe(source.indexOf("# Trailhead boot"));
      expect(chunks.some((c) => c.text.includes("NW-TB-2024"))).toBe(false);
      expectWellFormed(source, "markdown", chunks, 2000);
    }
  });
});

describe("options", () => {
  it("a smaller target gives more chunks", () => {
    for (const [name, format] of FIXTURES) {
      const source = fixture(name);
      const big = chunkDocument(source, { format, targetChars: 2000 }).length;
      const small = chunkDocument(source, { format, targetChars: 150 }).length;
      const tiny = chunkDocument(source, { format, targetChars: 60, maxChars: 100 }).length;
      expect(small).toBeGreaterThan(big);
      expect(tiny).toBeGreaterThan(small);
    }
  });

  it("overlaps within a section and never across sections", () => {
    const para = (topic: string) =>
      Array.from({ length: 6 }, (_, i) => `${topic} fact ${i} is worth knowing. It keeps you warm.`).join(" ");
    const source = `## Jackets\n\n${para("Jacket")}\n\n${para("Shell")}\n\n## Sleeping bags\n\n${para("Bag")}\n`;
    const chunks = chunkDocument(source, { format: "markdown", targetChars: 150, maxChars: 250, overlapChars: 60 });
    for (let i = 1; i < chunks.length; i++) {
      const [prev, cur] = [chunks[i - 1]!, chunks[i]!];
      const sameSection = prev.headingPath.join() === cur.headingPath.join();
      if (!sameSection) {
        expect(cur.overlapStart).toBeUndefined();
        continue;
      }
      expect(cur.overlapStart).toBeDefined();
      const overlap = cur.text.split("\n\n")[1]!;
      expect(overlap.length).toBeLessThanOrEqual(60);
      expect(prev.text.endsWith(overlap)).toBe(true);
      expect(source.slice(cur.overlapStart!, prev.end)).toBe(overlap);
    }
    expect(chunks.filter((c) => c.overlapStart !== undefined).length).toBeGreaterThan(2);
    const firstBag = chunks.find((c) => c.headingPath[0] === "Sleeping bags")!;
    expect(firstBag.text.startsWith("Sleeping bags\n\nBag fact 0")).toBe(true);
  });

  it("overlapChars: 0 disables the overlap", () => {
    const chunks = chunkDocument(fixture("faq.txt"), { format: "text", targetChars: 120, overlapChars: 0 });
    expect(chunks.every((c) => c.overlapStart === undefined)).toBe(true);
  });

  it("rejects inconsistent options", () => {
    expect(() => chunkDocument("x", { format: "text", targetChars: 500, maxChars: 400 })).toThrow();
    expect(() => chunkDocument("x", { format: "text", overlapChars: -1 })).toThrow();
    expect(() => chunkDocument("x", { format: "pdf" as "text" })).toThrow();
    // maxChars follows a larger target when not given.
    expect(chunkDocument("x", { format: "text", targetChars: 3000 })).toHaveLength(1);
  });
});
