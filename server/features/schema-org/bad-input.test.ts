import { describe, expect, it } from "vitest";

import { validateJsonLd, validateJsonLdText } from ".";
import { largeDocument } from "./testing/fixtures";

describe("bad input", () => {
  it("turns malformed JSON into one syntax error with line and column", () => {
    const report = validateJsonLdText('{\n  "@context": "https://schema.org",\n  "name": "x",\n}');
    expect(report).toMatchObject({ valid: false, errorCount: 1, blocks: 1 });
    expect(report.findings).toEqual([
      expect.objectContaining({
        severity: "error",
        layer: "syntax",
        rule: "syntax.invalid-json",
        path: "$",
        line: 4,
        column: 1,
      }),
    ]);
  });

  it("reports truncated JSON at its end", () => {
    const [f] = validateJsonLdText('{"@context": "https://schema.org", "@type": "Thing"').findings;
    expect(f).toMatchObject({ rule: "syntax.invalid-json", line: 1 });
    expect(f?.message).toMatch(/^Invalid JSON: /);
  });

  it("handles empty text and a byte-order mark", () => {
    expect(validateJsonLdText("").findings[0]).toMatchObject({ rule: "syntax.invalid-json", line: 1, column: 1 });
    expect(validateJsonLdText('\uFEFF{"@context":"https://schema.org","@type":"Thing"}').valid).toBe(true);
  });

  it.each([
    ["a number", 42, /got the number 42/],
    ["a string", "Product", /got the string "Product"/],
    ["null", null, /got null/],
    ["plain JSON", { title: "x", items: [{ id: 1 }] }, /without any @context or @type/],
    ["an empty array", [], /an empty array/],
  ])("rejects %s as not JSON-LD with a clear message", (_what, input, message) => {
    const report = validateJsonLd(input);
    expect(report.valid).toBe(false);
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: "syntax.not-jsonld", path: "$", severity: "error" }),
    ]);
    expect(report.findings[0]?.message).toMatch(message);
  });

  it("rejects scalar JSON text too", () => {
    expect(validateJsonLdText("true").findings[0]?.rule).toBe("syntax.not-jsonld");
  });

  it("stops at 64 levels without overflowing the stack, for text and for objects", () => {
    const depth = 20_000;
    const text = `${'{"@context":"https://schema.org","@type":"Thing","subjectOf":'.repeat(1)}${"[".repeat(depth)}1${"]".repeat(depth)}}`;
    const fromText = validateJsonLdText(text);
    expect(fromText.findings.filter((f) => f.rule === "syntax.too-deep")).toHaveLength(1);
    expect(fromText.valid).toBe(false);

    let node: Record<string, unknown> = { "@type": "Thing" };
    for (let i = 0; i < depth; i++) node = { "@type": "CreativeWork", about: node };
    const fromObject = validateJsonLd({ "@context": "https://schema.org", ...node });
    expect(fromObject.findings.filter((f) => f.rule === "syntax.too-deep")).toEqual([
      expect.objectContaining({ severity: "error", layer: "syntax" }),
    ]);
  });

  it("does not loop on cyclic objects or @id cycles", () => {
    const a: Record<string, unknown> = { "@type": "Person", name: "A" };
    const b: Record<string, unknown> = { "@type": "Person", name: "B", knows: a };
    a["knows"] = b;
    expect(validateJsonLd({ "@context": "https://schema.org", ...a }).valid).toBe(true);

    const report = validateJsonLd({
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "Person", "@id": "#a", name: "A", knows: { "@id": "#b" } },
        { "@type": "Person", "@id": "#b", name: "B", knows: { "@id": "#a" } },
        {
          "@type": "Product",
          "@id": "#p",
          name: "P",
          isRelatedTo: { "@id": "#p" },
          offers: { "@type": "Offer", price: 1, priceCurrency: "USD", itemOffered: { "@id": "#p" } },
        },
      ],
    });
    expect(report.errorCount).toBe(0);
    expect(report.richResults).toEqual([{ type: "Product", shown: true, eligible: true }]);
  });

  it("never throws on odd values", () => {
    const odd = {
      "@context": ["https://schema.org", null],
      "@type": ["Thing"],
      name: undefined,
      description: () => 1,
      url: Symbol("x"),
    };
    expect(() => validateJsonLd(odd)).not.toThrow();
    expect(() => validateJsonLdText("<script type='application/ld+json'>")).not.toThrow();
    expect(() => validateJsonLdText("\u0000\u0001")).not.toThrow();
  });

  it("completes a 5 MB document", () => {
    const text = JSON.stringify(largeDocument(5_000_000));
    expect(text.length).toBeGreaterThan(5_000_000);
    const started = performance.now();
    const report = validateJsonLdText(text);
    const ms = performance.now() - started;
    expect(report.errorCount).toBe(0);
    expect(report.richResults).toEqual([{ type: "Product", shown: true, eligible: true }]);
    expect(ms).toBeLessThan(30_000);

    // The same document with a typo everywhere still finishes, with every finding located.
    const flawed = validateJsonLdText(text.replaceAll('"sku"', '"skuu"'));
    expect(flawed.errorCount).toBeGreaterThan(1000);
    expect(flawed.findings.every((f) => typeof f.line === "number")).toBe(true);
  }, 60_000);
});
