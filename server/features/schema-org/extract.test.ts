import { describe, expect, it } from "vitest";

import { pathRange, validateJsonLdText } from ".";
import { extractJsonLdBlocks, isJsonLdType, looksLikeHtml } from "./extract";

const PRODUCT =
  '{"@context":"https://schema.org","@type":"Product","name":"P","offers":{"@type":"Offer","price":"1.00","priceCurrency":"USD"}}';

describe("HTML extraction", () => {
  it("matches the script type case-insensitively and with parameters", () => {
    expect(isJsonLdType("application/ld+json")).toBe(true);
    expect(isJsonLdType(" Application/LD+JSON ; charset=utf-8")).toBe(true);
    expect(isJsonLdType("application/json")).toBe(false);
    expect(isJsonLdType("text/javascript")).toBe(false);
    expect(isJsonLdType(undefined)).toBe(false);
  });

  it("returns every block's raw text and its offset in the source", () => {
    const html = `<html><head><script type="application/ld+json">${PRODUCT}</script><script>var a = "&amp;";</script><SCRIPT TYPE="application/ld+json; charset=utf-8">{"a":"&amp; <b>"}</SCRIPT></head></html>`;
    const blocks = extractJsonLdBlocks(html);
    expect(blocks.map((b) => b.text)).toEqual([PRODUCT, '{"a":"&amp; <b>"}']);
    for (const b of blocks) expect(html.slice(b.offset, b.offset + b.text.length)).toBe(b.text);
  });

  it("sniffs HTML by its first non-space character", () => {
    expect(looksLikeHtml("  \n<!doctype html>")).toBe(true);
    expect(looksLikeHtml('\uFEFF{"a":1}')).toBe(false);
    expect(looksLikeHtml("")).toBe(false);
  });

  it("validates each block and maps findings to the block and the HTML line/column", () => {
    const html = [
      "<!doctype html>",
      "<html><head>",
      `<script type="application/ld+json">${PRODUCT}</script>`,
      '<script type="application/ld+json">',
      "{",
      '  "@context": "https://schema.org",',
      '  "@type": "Article",',
      '  "datePublished": "2026-02-30"',
      "}",
      "</script>",
      "</head></html>",
    ].join("\n");
    const report = validateJsonLdText(html);
    expect(report.blocks).toBe(2);
    const date = report.findings.find((f) => f.rule === "vocab.invalid-date");
    expect(date).toMatchObject({ block: 1, path: "$.datePublished", line: 8, column: 20 });
    expect(report.types).toEqual(["Product", "Offer", "Article"]);
  });

  it("reports a syntax error in one block with its HTML position and still checks the others", () => {
    const html = `<html>\n<script type="application/ld+json">${PRODUCT}</script>\n<script type="application/ld+json">\n{"@type": "Thing",, }\n</script></html>`;
    const report = validateJsonLdText(html);
    const syntax = report.findings.filter((f) => f.layer === "syntax");
    expect(syntax).toEqual([expect.objectContaining({ rule: "syntax.invalid-json", block: 1, line: 4, column: 19 })]);
    expect(report.richResults).toEqual([{ type: "Product", shown: true, eligible: true }]);
  });

  it("gives a clear error for HTML without JSON-LD", () => {
    const report = validateJsonLdText("<html><body><p>Hello</p></body></html>");
    expect(report).toMatchObject({ valid: false, blocks: 0, errorCount: 1 });
    expect(report.findings[0]).toMatchObject({ rule: "syntax.no-jsonld-blocks", layer: "syntax", severity: "error" });
  });

  it("treats an empty block as a syntax error", () => {
    const report = validateJsonLdText('<script type="application/ld+json">  </script>');
    expect(report.findings[0]).toMatchObject({
      rule: "syntax.invalid-json",
      block: 0,
      message: expect.stringContaining("Empty") as unknown as string,
    });
  });

  it("resolves references across blocks of the same page", () => {
    const html =
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","@id":"#org","name":"O"}</script>' +
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"WebSite","url":"https://o.example","publisher":{"@id":"#org"}}</script>';
    expect(validateJsonLdText(html, { google: false }).findings).toEqual([]);
  });

  it("honours an explicit kind", () => {
    expect(validateJsonLdText(PRODUCT, { kind: "html" }).findings[0]?.rule).toBe("syntax.no-jsonld-blocks");
    expect(validateJsonLdText("<p>", { kind: "json" }).findings[0]?.rule).toBe("syntax.invalid-json");
  });
});

describe("pathRange", () => {
  const text =
    '{\n  "@context": "https://schema.org",\n  "@graph": [\n    { "@type": "Product", "offers": { "price": "19.99" }, "schema:name": "X" }\n  ]\n}';

  it("returns the source range of the value at a finding path", () => {
    const range = pathRange(text, '$["@graph"][0].offers.price');
    expect(range).not.toBeNull();
    expect(text.slice(range?.start, range?.end)).toBe('"19.99"');
    const key = pathRange(text, '$["@graph"][0]["schema:name"]');
    expect(text.slice(key?.start, key?.end)).toBe('"X"');
    const root = pathRange(text, "$");
    expect(root).toEqual({ start: 0, end: text.length });
  });

  it("returns null for missing paths, malformed paths and invalid JSON", () => {
    expect(pathRange(text, '$["@graph"][3]')).toBeNull();
    expect(pathRange(text, "$.nope")).toBeNull();
    expect(pathRange(text, "offers")).toBeNull();
    expect(pathRange("{", "$")).toBeNull();
  });

  it("agrees with the line/column of findings in JSON text", () => {
    const bad = '{\n  "@context": "https://schema.org",\n  "@type": "Event",\n  "startDate": "2026-13-01"\n}';
    const f = validateJsonLdText(bad, { google: false }).findings[0];
    expect(f).toMatchObject({ rule: "vocab.invalid-date", line: 4, column: 16 });
    const range = pathRange(bad, f?.path ?? "");
    expect(bad.slice(range?.start, range?.end)).toBe('"2026-13-01"');
  });
});
