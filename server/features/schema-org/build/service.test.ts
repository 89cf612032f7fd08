import { describe, expect, it } from "vitest";
import { JsonLdValidateBody } from "@/lib/schemas/jsonld";
import type { SeoPageContent } from "@/lib/schemas/drafts";
import { findingFlag, jsonLdForPage, rebaseJsonLd, validateRequest, withRelatedLinks } from "./service";

const page: SeoPageContent = {
  format: "seo_page",
  title: "Ridgeline 2 tent",
  metaDescription: "A two-person tent for backpacking trips, 1.9 kg, with two doors and two porches.",
  h1: "Ridgeline 2 tent",
  slug: "ridgeline-2",
  canonicalUrl: "https://shop.example.com/ridgeline-2",
  intro: "",
  sections: [],
  faq: [],
  internalLinks: [],
  jsonLd: null,
};
const workspace = { name: "Northwind Outdoor", url: "https://shop.example.com" };

describe("jsonLdForPage", () => {
  it("builds, validates and reports a complete page with no flags", () => {
    const r = jsonLdForPage({
      type: "Product",
      page,
      workspace,
      data: { product: "Ridgeline 2 tent", price: "349", currency: "EUR" },
    });
    expect(r.report).toMatchObject({ type: "Product", valid: true, errorCount: 0 });
    expect(r.flags.filter((f) => f.level === "error")).toEqual([]);
    expect(r.summary).toMatch(/^.*Product.*: 0 errors, \d+ warnings? \(schema\.org and Google\)/);
  });

  it("turns each error and warning into a jsonld flag on the jsonLd field, with its rule", () => {
    const r = jsonLdForPage({ type: "Product", page, workspace, data: {} });
    expect(r.report.valid).toBe(false);
    expect(r.report.errorCount).toBeGreaterThan(0);
    const errors = r.flags.filter((f) => f.level === "error");
    expect(errors).toHaveLength(r.report.errorCount);
    expect(r.flags.filter((f) => f.level === "warning")).toHaveLength(r.report.warningCount);
    for (const f of r.flags) expect(f).toMatchObject({ kind: "jsonld", field: "jsonLd", ruleId: expect.any(String) });
    expect(r.summary).toMatch(/[1-9]\d* errors?/);
  });
});

describe("findingFlag", () => {
  it("puts the path in the message and skips info findings", () => {
    expect(
      findingFlag({
        severity: "warning",
        layer: "google",
        rule: "google.product.image",
        path: '$["@graph"][1]',
        message: "Add an image.",
      }),
    ).toEqual({
      kind: "jsonld",
      level: "warning",
      message: 'Add an image. (at $["@graph"][1])',
      field: "jsonLd",
      ruleId: "google.product.image",
    });
    expect(
      findingFlag({ severity: "error", layer: "syntax", rule: "syntax.invalid-json", path: "$", message: "Bad." }),
    ).toMatchObject({ message: "Bad." });
    expect(
      findingFlag({ severity: "info", layer: "vocabulary", rule: "vocab.text-for-thing", path: "$", message: "x" }),
    ).toBeNull();
  });
});

describe("rebaseJsonLd", () => {
  it("moves the page's own URLs and ids, and nothing else", () => {
    const from = "https://x.test/tent";
    const doc = {
      "@graph": [
        { "@id": `${from}#webpage`, url: from, relatedLink: ["https://x.test/tent-2", "https://x.test/tents"] },
        { item: from, name: from.toUpperCase() },
      ],
    };
    expect(rebaseJsonLd(doc, from, "https://x.test/tent-3")).toEqual({
      "@graph": [
        {
          "@id": "https://x.test/tent-3#webpage",
          url: "https://x.test/tent-3",
          relatedLink: ["https://x.test/tent-2", "https://x.test/tents"],
        },
        { item: "https://x.test/tent-3", name: from.toUpperCase() },
      ],
    });
    expect(rebaseJsonLd(null, from, "y")).toBeNull();
  });
});

describe("withRelatedLinks", () => {
  it("sets the WebPage's related links beside the page's URL, replacing older ones", () => {
    const doc = { "@graph": [{ "@type": "WebPage", "@id": `${page.canonicalUrl}#webpage`, relatedLink: ["old"] }] };
    expect(withRelatedLinks(doc, page.canonicalUrl, ["a", "b"])["@graph"][0]).toEqual({
      "@type": "WebPage",
      "@id": `${page.canonicalUrl}#webpage`,
      relatedLink: ["https://shop.example.com/a", "https://shop.example.com/b"],
    });
    expect(withRelatedLinks(doc, page.canonicalUrl, [])["@graph"][0]).not.toHaveProperty("relatedLink");
    expect(withRelatedLinks(doc, "/relative", ["a"])).toBe(doc);
    expect(withRelatedLinks(null, page.canonicalUrl, ["a"])).toBeNull();
  });
});

describe("validateRequest", () => {
  it("validates a text or a document", () => {
    const doc = { "@context": "https://schema.org", "@type": "WebPage", name: "Hi" };
    const a = validateRequest(JsonLdValidateBody.parse({ text: JSON.stringify(doc) }));
    const b = validateRequest(JsonLdValidateBody.parse({ document: doc }));
    expect(a).toMatchObject({ valid: true, blocks: 1 });
    expect(b).toMatchObject({ valid: true });
    const html = validateRequest(
      JsonLdValidateBody.parse({
        text: `<html><head><script type="application/ld+json">${JSON.stringify(doc)}</script></head></html>`,
      }),
    );
    expect(html).toMatchObject({ valid: true, blocks: 1 });
  });
});

describe("JsonLdValidateBody", () => {
  it("takes a text or a document, not both and not neither, and refuses an empty or oversized text", () => {
    expect(JsonLdValidateBody.parse({ text: "{}" })).toEqual({ text: "{}", kind: "auto", google: true });
    expect(JsonLdValidateBody.safeParse({}).success).toBe(false);
    expect(JsonLdValidateBody.safeParse({ text: "{}", document: {} }).success).toBe(false);
    const empty = JsonLdValidateBody.safeParse({ text: "  " });
    expect(empty.error?.issues[0]).toMatchObject({ path: ["text"], message: "Paste JSON-LD or HTML to validate." });
    const big = JsonLdValidateBody.safeParse({ text: "é".repeat(3 * 1024 * 1024) });
    expect(big.error?.issues[0]?.message).toBe("The text is 6.00 MB, over the 5 MB limit.");
    expect(JsonLdValidateBody.safeParse({ text: "a".repeat(5 * 1024 * 1024) }).success).toBe(true);
    expect(JsonLdValidateBody.safeParse({ document: null }).success).toBe(true);
  });
});
