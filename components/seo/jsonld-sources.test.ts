import { describe, expect, it } from "vitest";
import type { JsonLdFinding } from "@/lib/schemas/jsonld";
import { locateFinding, sourcesOf } from "./jsonld-sources";

const finding = (over: Partial<JsonLdFinding>): JsonLdFinding => ({
  severity: "error",
  layer: "vocabulary",
  rule: "vocab.value-type",
  path: "$",
  message: "x",
  ...over,
});
const marked = (text: string, r: { start: number; end: number } | undefined) => (r ? text.slice(r.start, r.end) : null);

describe("sourcesOf", () => {
  it("keeps a document with lines of its own as pasted, and formats a minified one", () => {
    const pasted = '{\n  "@type": "Product",\n  "name": "Tent"\n}';
    expect(sourcesOf(pasted, "auto")).toEqual([
      { label: undefined, text: pasted, parsed: true, origin: { text: pasted, offset: 0 }, firstLine: 1 },
    ]);
    const [min] = sourcesOf('{"@type":"Product","name":"Tent"}', "json");
    expect(min).toMatchObject({ parsed: true, formatted: true, text: '{\n  "@type": "Product",\n  "name": "Tent"\n}' });
    expect(sourcesOf("{ nope", "auto")[0]).toMatchObject({ parsed: false, text: "{ nope" });
  });

  it("takes each ld+json block of a page, numbered from the page's lines", () => {
    const html = `<html><head>\n<script type="application/ld+json">{"a":1}</script>\n<script src="x.js"></script>\n<script type='application/ld+json'>\n{ "b":\n2 }\n</script>`;
    const s = sourcesOf(html, "auto");
    expect(s.map((x) => x.label)).toEqual(["Block 1", "Block 2"]);
    expect(s[0]).toMatchObject({ formatted: true, text: '{\n  "a": 1\n}' });
    expect(s[1]).toMatchObject({ parsed: true, firstLine: 4, text: '\n{ "b":\n2 }\n' });
    expect(sourcesOf("<p>no data</p>", "auto")).toEqual([]);
  });
});

describe("locateFinding", () => {
  it("places a finding by its path, or at the part that lacks it", () => {
    const sources = sourcesOf('{\n  "offers": { "price": "x" }\n}', "json");
    const text = sources[0]!.text;
    const exact = locateFinding(sources, finding({ path: "$.offers.price" }))!;
    expect(marked(text, exact.range)).toBe('"price": "x"');
    expect(exact).toMatchObject({ exact: true, source: 0 });
    const missing = locateFinding(sources, finding({ path: "$.offers.priceCurrency" }))!;
    expect(missing).toMatchObject({ exact: false, path: "$.offers" });
    expect(marked(text, missing.range)).toBe('"offers": { "price": "x" }');
  });

  it("places a syntax error by line and column, in the page for a script block", () => {
    const bad = sourcesOf('{\n  "a": 1,\n}', "json");
    const r = locateFinding(bad, finding({ layer: "syntax", line: 3, column: 1 }))!;
    expect(marked(bad[0]!.text, r.range)).toBe("}");
    const html = `<html>\n<script type="application/ld+json">\n{"a": 1,}\n</script>`;
    const blocks = sourcesOf(html, "html");
    const inBlock = locateFinding(blocks, finding({ layer: "syntax", block: 0, line: 3, column: 9 }))!;
    expect(marked(blocks[0]!.text, inBlock.range)).toBe("}");
    expect(locateFinding(blocks, finding({ block: 3 }))).toBeNull();
    expect(locateFinding(bad, finding({ layer: "syntax" }))).toBeNull();
  });
});
