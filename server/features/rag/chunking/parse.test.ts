import { describe, expect, it } from "vitest";
import { parseBlocks, plainText } from "./parse";
import { fixture } from "./test-helpers";

describe("parseBlocks: markdown", () => {
  const src = fixture("product-sheet.md");
  const blocks = parseBlocks(src, "markdown");

  it("gives exact source offsets for every block", () => {
    for (const b of blocks) {
      expect(b.start).toBeLessThan(b.end);
      expect(src.slice(b.start, b.end)).toBe(src.slice(b.start, b.end).trim());
      expect(b.text).toBe(src.slice(b.start, b.end));
    }
    for (let i = 1; i < blocks.length; i++) expect(blocks[i]!.start).toBeGreaterThanOrEqual(blocks[i - 1]!.end);
  });

  it("skips the front matter and finds the structure", () => {
    expect(blocks[0]).toMatchObject({ kind: "heading", level: 1, text: "# Trailhead boot" });
    expect(blocks.some((b) => b.text.includes("sku:"))).toBe(false);
    expect(blocks.map((b) => b.kind)).toEqual([
      "heading",
      "paragraph",
      "heading",
      "table",
      "heading",
      "list",
      "heading",
      "paragraph",
      "heading",
      "paragraph",
      "code",
      "heading",
      "paragraph",
      "heading",
      "paragraph",
    ]);
  });

  it("maps offsets through CRLF line endings and a BOM", () => {
    const crlf = "\uFEFF---\r\ntitle: x\r\n---\r\n# Café\r\n\r\nLine one\r\nline two\r\n\r\n- a\r\n- b\r\n";
    const bs = parseBlocks(crlf, "markdown");
    expect(bs.map((b) => crlf.slice(b.start, b.end))).toEqual(["# Café", "Line one\r\nline two", "- a\r\n- b"]);
    expect(plainText(bs[1]!)).toBe("Line one\nline two");
  });

  it("strips markup in plainText", () => {
    const md =
      "Some **bold**, _em_, `code`, a [link](https://x.example) and ![alt text](i.png) &amp; more.\n\n* one\n* two\n  * nested\n\n3) three\n4) four\n\n| A | B |\n|---|:-:|\n| *1* | [2](u) |\n\n> quoted *text*\n\n```ts\nconst a = 1;\n```";
    const bs = parseBlocks(md, "markdown");
    expect(bs.map(plainText)).toEqual([
      "Some bold, em, code, a link and alt text & more.",
      "- one\n- two\n  - nested",
      "3) three\n4) four",
      "A | B\n1 | 2",
      "quoted text",
      "const a = 1;",
    ]);
  });

  it("drops HTML comments, rules and link definitions", () => {
    const md = "<!-- hidden -->\n\nText\n\n---\n\n[ref]: https://x.example\n\n<div>Shown</div>";
    expect(parseBlocks(md, "markdown").map(plainText)).toEqual(["Text", "Shown"]);
  });
});

describe("parseBlocks: html", () => {
  const src = fixture("returns-policy.html");
  const blocks = parseBlocks(src, "html");

  it("skips head, scripts, styles, nav and footer", () => {
    const all = blocks.map((b) => b.text).join("\n");
    expect(all).not.toMatch(/trackPage|trackReturnsView|font-family|Home|rights reserved/);
    expect(blocks.map((b) => b.kind)).toEqual([
      "heading",
      "paragraph",
      "heading",
      "list",
      "heading",
      "paragraph",
      "table",
      "quote",
      "paragraph",
    ]);
  });

  it("decodes entities in text while offsets point at the raw HTML", () => {
    const h1 = blocks[0]!;
    expect(h1).toMatchObject({ kind: "heading", level: 1, text: "Returns & refunds" });
    expect(src.slice(h1.start, h1.end)).toBe("<h1>Returns &amp; refunds</h1>");
    const p = blocks[1]!;
    expect(p.text).toContain("isn’t right");
    expect(p.text).toContain("60 days"); // &nbsp; collapsed
    expect(src.slice(p.start, p.end)).toMatch(/^<p>.*&rsquo;.*<\/p>$/s);
  });

  it("renders lists and tables line by line", () => {
    expect(blocks[3]!.text.split("\n")).toEqual([
      "- Unused items with the original tags attached",
      "- Footwear that has only been worn indoors",
      "- Gifts, with the order number from the packing slip",
    ]);
    expect(blocks[6]!.text).toBe(
      "Method | Refund time\nCredit card | 5–10 days\nPayPal | 1–3 days\nGift card | Instant",
    );
    expect(blocks[8]!.text).toBe("Questions? Write to help@northwind.example – we answer within one business day.");
    expect(src.slice(blocks[8]!.start, blocks[8]!.end)).toMatch(/^Questions\?.*day\.$/s);
  });

  it("indents nested lists and handles unclosed tags", () => {
    const html = "<ul><li>Tents<ul><li>2-person</li><li>4-person</li></ul></li><li>Stoves</ul><p>one<p>two";
    const bs = parseBlocks(html, "html");
    expect(bs.map((b) => b.text)).toEqual(["- Tents\n  - 2-person\n  - 4-person\n- Stoves", "one", "two"]);
    expect(bs.map((b) => html.slice(b.start, b.end))).toEqual([
      "<ul><li>Tents<ul><li>2-person</li><li>4-person</li></ul></li><li>Stoves</ul>",
      "<p>one",
      "<p>two",
    ]);
  });
});

describe("parseBlocks: text", () => {
  it("splits paragraphs on blank lines and never guesses headings", () => {
    const src = fixture("faq.txt");
    const bs = parseBlocks(src, "text");
    expect(bs.map((b) => b.kind)).toEqual(["paragraph", "paragraph", "paragraph", "paragraph", "list"]);
    expect(bs[0]!.text).toBe("Northwind Outdoor - Frequently asked questions");
    for (const b of bs) expect(plainText(b)).toBe(src.slice(b.start, b.end));
  });

  it("handles CRLF and indentation", () => {
    const src = "  First line\r\n  second  \r\n\r\n\r\nNext\r\n";
    const bs = parseBlocks(src, "text");
    expect(bs.map((b) => src.slice(b.start, b.end))).toEqual(["First line\r\n  second", "Next"]);
    expect(bs[0]!.text).toBe("First line\n  second");
  });
});
