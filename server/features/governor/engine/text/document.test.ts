import { describe, expect, it } from "vitest";
import type { ParsedDocument } from "./document";
import { parseHtmlDocument } from "./html";
import { parseMarkdown } from "./markdown";
import { parsePlainText } from "./plaintext";
import { sentenceRanges } from "./sentences";
import { computeStats, syllables } from "./stats";

/** Each block as "scope: text", with the source slice the block maps back to. */
function blocks(doc: ParsedDocument): string[] {
  return doc.blocks.map((b) => `${b.sections.join(".")}: ${b.text.text}`);
}

function sourceOf(doc: ParsedDocument, i: number): string {
  const t = doc.blocks[i]!.text;
  return doc.source.slice(t.sourceStart(0), t.sourceEnd(t.text.length));
}

describe("Markdown document model", () => {
  it("skips front matter, fenced and indented code, and maps inline markup back exactly", () => {
    const src = [
      "---",
      "title: TODO",
      "---",
      "# Title with `code` here",
      "",
      'Some **bold** and _em_ text with a [link](https://example.com/x "t") and ![alt text](i.png).',
      "",
      "```js",
      "skipped()",
      "```",
      "",
      "    indented code",
      "",
      "Setext heading",
      "==============",
    ].join("\n");
    const doc = parseMarkdown(src);
    expect(blocks(doc)).toEqual([
      "text.heading.h1.md: Title with **** here",
      "text.md: Some bold and em text with a link and .",
      "text.attr.alt.md: alt text",
      "text.heading.h1.md: Setext heading",
    ]);
    expect(sourceOf(doc, 1)).toBe(
      'Some **bold** and _em_ text with a [link](https://example.com/x "t") and ![alt text](i.png).',
    );
    const para = doc.blocks[1]!.text;
    const at = para.text.indexOf("link");
    expect(src.slice(para.sourceStart(at), para.sourceEnd(at + 4))).toBe("link");
    expect(doc.counts).toMatchObject({ pre: 2, "heading.h1": 2 });
  });

  it("strips blockquote and list markers line by line, keeping offsets", () => {
    const src = "> quoted line one\n> line two\n\n- item one\n  continued\n- item two\n";
    const doc = parseMarkdown(src);
    expect(blocks(doc)).toEqual([
      "text.blockquote.md: quoted line one\nline two",
      "text.list.md: item one\ncontinued",
      "text.list.md: item two",
    ]);
    const q = doc.blocks[0]!.text;
    const i = q.text.indexOf("two");
    expect(q.sourceStart(i)).toBe(src.indexOf("two"));
    const l = doc.blocks[1]!.text;
    expect(l.sourceStart(l.text.indexOf("continued"))).toBe(src.indexOf("continued"));
  });

  it("splits GFM tables into header and cell blocks, masking bare URLs and autolinks", () => {
    const src = "| A | B |\n| - | - |\n| x `y` | see https://a.example/p?q=1. |\n\nMail <me@example.com> now.";
    const doc = parseMarkdown(src);
    expect(blocks(doc)).toEqual([
      "text.table.header.md: A",
      "text.table.header.md: B",
      "text.table.cell.md: x *",
      "text.table.cell.md: see ***********************.",
      "text.md: Mail ************** now.",
    ]);
  });

  it("lints HTML blocks inside Markdown and honours vale comments", () => {
    const src = "<!-- vale off -->\n\nOff text.\n\n<!-- vale on -->\n\n<div>\n<p>In <b>html</b></p>\n</div>\n";
    const doc = parseMarkdown(src);
    expect(doc.blocks.map((b) => [b.text.text, b.control.off])).toEqual([
      ["Off text.", true],
      ["In html", false],
    ]);
  });
});

describe("HTML document model", () => {
  it("scopes headings, list items, cells; skips script/style/pre; masks code; decodes entities", () => {
    const src =
      "<html><head><title>T</title><style>x{}</style></head><body><h2>Caf&eacute; menu</h2>" +
      '<p>Use <code>rm -rf</code> &amp; <a href="https://x.io">https://x.io</a>.</p><pre>pre</pre>' +
      "<ul><li>One</li></ul><table><tr><th>H</th><td>D</td></tr></table><script>s()</script></body></html>";
    const doc = parseHtmlDocument(src);
    expect(blocks(doc)).toEqual([
      "text.title.html: T",
      "text.heading.h2.html: Café menu",
      "text.html: Use ** *** & ************.",
      "text.list.html: One",
      "text.table.header.html: H",
      "text.table.cell.html: D",
    ]);
    const h = doc.blocks[1]!.text;
    // "é" comes from "&eacute;": the decoded character maps to the whole entity.
    expect(src.slice(h.sourceStart(3), h.sourceEnd(4))).toBe("&eacute;");
    expect(doc.counts).toMatchObject({ pre: 1, script: 1, style: 1 });
  });
});

describe("plain text, sentences and statistics", () => {
  it("treats a text file as one block with paragraph views", () => {
    const doc = parsePlainText("One.\n\nTwo.\n");
    expect(blocks(doc)).toEqual(["text.txt: One.\n\nTwo."]);
  });

  it("segments sentences without splitting abbreviations, initials or decimals", () => {
    const text = "Dr. Smith paid $3.50, e.g. for J. R. R. Tolkien's books. Then he left! Did he? Yes.";
    expect(sentenceRanges(text).map(([a, b]) => text.slice(a, b))).toEqual([
      "Dr. Smith paid $3.50, e.g. for J. R. R. Tolkien's books.",
      "Then he left!",
      "Did he?",
      "Yes.",
    ]);
  });

  it("counts words, sentences and syllables for readability formulas", () => {
    expect([
      syllables("the"),
      syllables("table"),
      syllables("walked"),
      syllables("wanted"),
      syllables("readability"),
    ]).toEqual([1, 2, 1, 2, 5]);
    const s = computeStats("The cat sat. The dog ran quickly.\n\nA new paragraph here.");
    expect(s).toMatchObject({ words: 11, sentences: 3, paragraphs: 2 });
  });
});
