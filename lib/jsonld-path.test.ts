import { describe, expect, it } from "vitest";
import {
  formatJsonPath,
  jsonLdScriptBlocks,
  lineColumn,
  looksLikeHtml,
  nearestPathRange,
  offsetOf,
  parseJsonPath,
  pathRange,
} from "./jsonld-path";

const doc = {
  "@context": "https://schema.org",
  "@graph": [
    { "@type": "WebPage", name: "Summit 45" },
    { "@type": "Product", name: "Summit 45", offers: { "@type": "Offer", price: "129.00", "a.b": [1, 2] } },
  ],
};
const text = JSON.stringify(doc, null, 2);
const at = (path: string) => {
  const r = pathRange(text, path);
  return r ? text.slice(r.start, r.end) : null;
};

describe("parseJsonPath / formatJsonPath", () => {
  it("reads the validator's path format and writes it back", () => {
    for (const p of ["$", '$["@graph"][1].offers.price', '$.offers["a.b"][0]', '$["say \\"hi\\""]'])
      expect(formatJsonPath(parseJsonPath(p)!)).toBe(p);
    expect(parseJsonPath('$["@graph"][1].offers')).toEqual(["@graph", 1, "offers"]);
    for (const bad of ["offers", "$.", "$[x]", '$["open', "$.a b"]) expect(parseJsonPath(bad)).toBeNull();
  });
});

describe("pathRange", () => {
  it("finds the value at a path in pretty-printed and compact JSON", () => {
    expect(at('$["@graph"][1].offers.price')).toBe('"129.00"');
    expect(at('$["@graph"][0]')).toBe(JSON.stringify(doc["@graph"][0], null, 2).replace(/\n/g, "\n    "));
    expect(at('$["@graph"][1].offers["a.b"][1]')).toBe("2");
    expect(at("$")).toBe(text);
    const compact = JSON.stringify(doc);
    const r = pathRange(compact, '$["@graph"][1].name')!;
    expect(compact.slice(r.start, r.end)).toBe('"Summit 45"');
    expect(compact.slice(r.keyStart!, r.end)).toBe('"name":"Summit 45"');
  });

  it("is null for a path that is not there, a malformed path or text that is not JSON", () => {
    expect(at('$["@graph"][2]')).toBeNull();
    expect(at('$["@graph"][1].offers.priceCurrency')).toBeNull();
    expect(at("$.nope.deeper")).toBeNull();
    expect(pathRange("{ nope", "$.a")).toBeNull();
    expect(pathRange(text, "price")).toBeNull();
    expect(pathRange("[".repeat(200_000), "$[0]")).toBeNull();
  });

  it("keeps the last of duplicate keys, as JSON.parse does", () => {
    const dup = '{"a": 1, "a": 22}';
    const r = pathRange(dup, "$.a")!;
    expect(dup.slice(r.start, r.end)).toBe("22");
  });

  it("falls back to the deepest ancestor that exists", () => {
    const n = nearestPathRange(text, '$["@graph"][1].offers.priceCurrency')!;
    expect(n).toMatchObject({ exact: false, path: '$["@graph"][1].offers' });
    expect(text.slice(n.range.start, n.range.end)).toMatch(/^\{[\s\S]*"Offer"[\s\S]*\}$/);
    expect(nearestPathRange(text, '$["@graph"][1].name')).toMatchObject({ exact: true });
  });
});

describe("lineColumn / offsetOf", () => {
  it("converts between offsets and 1-based line:column", () => {
    const t = "ab\ncd\n\nef";
    expect(lineColumn(t, 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn(t, 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn(t, 7)).toEqual({ line: 4, column: 1 });
    expect(offsetOf(t, 2, 2)).toBe(4);
    expect(offsetOf(t, 1, 99)).toBe(2);
    expect(offsetOf(t, 9, 1)).toBe(t.length);
  });
});

describe("jsonLdScriptBlocks", () => {
  it("finds the ld+json script blocks in order, whatever the quoting and case", () => {
    const html = `<SCRIPT TYPE="application/ld+json; charset=utf-8">{"a":1}</script><script>var x</script><script type=application/ld+json>{"b":2}</SCRIPT >`;
    const blocks = jsonLdScriptBlocks(html).map((b) => html.slice(b.start, b.end));
    expect(blocks).toEqual(['{"a":1}', '{"b":2}']);
    expect(jsonLdScriptBlocks('<script type="application/ld+json">{"open":')).toEqual([{ start: 35, end: 43 }]);
    expect(looksLikeHtml("  <html>")).toBe(true);
    expect(looksLikeHtml('{"a":"<b>"}')).toBe(false);
  });
});
