/**
 * One valid and one invalid snippet per syntax/vocabulary rule id. The last test fails when a
 * rule is added to the catalogue without a case here.
 */
import { describe, expect, it } from "vitest";

import { validateJsonLd, validateJsonLdText } from "..";
import { RULES, type RuleId } from "../findings";
import type { JsonLdReport } from "../types";

const CTX = "https://schema.org";

type Case = {
  rule: RuleId;
  /** Input that must produce `rule` at `path`. Strings go through validateJsonLdText. */
  invalid: unknown;
  path: string;
  /** Part of the message the user sees. */
  message?: RegExp;
  /** Close variant that must not produce `rule`. */
  valid: unknown;
};

function run(input: unknown): JsonLdReport {
  return typeof input === "string"
    ? validateJsonLdText(input, { google: false })
    : validateJsonLd(input, { google: false });
}

function nest(depth: number): unknown {
  let node: Record<string, unknown> = { "@type": "Thing", name: "leaf" };
  for (let i = 0; i < depth; i++) node = { "@type": "Thing", subjectOf: { "@type": "CreativeWork", about: node } };
  return { "@context": CTX, ...node };
}

const CASES: Case[] = [
  {
    rule: "syntax.invalid-json",
    invalid: '{\n  "@context": "https://schema.org",\n  "@type": "Thing"\n  "name": "x"\n}',
    path: "$",
    message: /Invalid JSON/,
    valid: '{ "@context": "https://schema.org", "@type": "Thing", "name": "x" }',
  },
  {
    rule: "syntax.not-jsonld",
    invalid: { id: 1, title: "plain JSON" },
    path: "$",
    message: /Not JSON-LD/,
    valid: { "@context": CTX, "@type": "Thing" },
  },
  { rule: "syntax.too-deep", invalid: nest(40), path: "", message: /deeper than 64/, valid: nest(10) },
  {
    rule: "syntax.no-jsonld-blocks",
    invalid: "<html><script>var x = 1;</script></html>",
    path: "$",
    message: /No <script type="application\/ld\+json">/,
    valid: '<html><script type="application/ld+json">{"@context":"https://schema.org","@type":"Thing"}</script></html>',
  },
  {
    rule: "vocab.context-missing",
    invalid: { "@type": "Thing", name: "x" },
    path: "$",
    message: /Missing @context/,
    valid: { "@context": "http://schema.org/", "@type": "Thing", name: "x" },
  },
  {
    rule: "vocab.context-invalid",
    invalid: { "@context": 42, "@type": "Thing" },
    path: '$["@context"]',
    valid: { "@context": [CTX, { ex: "https://example.org/" }], "@type": "Thing" },
  },
  {
    rule: "vocab.context-not-schema-org",
    invalid: { "@context": "https://example.org/context.jsonld", "@type": "Thing" },
    path: '$["@context"]',
    message: /not fetched/,
    valid: { "@context": { "@vocab": "https://schema.org/" }, "@type": "Thing" },
  },
  {
    rule: "vocab.invalid-node",
    invalid: { "@context": CTX, "@graph": [{ "@type": "Thing" }, "oops"] },
    path: '$["@graph"][1]',
    valid: { "@context": CTX, "@graph": [{ "@type": "Thing" }] },
  },
  {
    rule: "vocab.type-missing",
    invalid: { "@context": CTX, name: "untyped" },
    path: "$",
    valid: { "@context": CTX, "@type": "Thing", name: "typed" },
  },
  {
    rule: "vocab.type-invalid",
    invalid: { "@context": CTX, "@type": { name: "Product" } },
    path: '$["@type"]',
    valid: { "@context": CTX, "@type": ["Product", "Book"] },
  },
  {
    rule: "vocab.unknown-type",
    invalid: { "@context": CTX, "@type": "Prodcut" },
    path: '$["@type"]',
    message: /did you mean Product\?/,
    valid: { "@context": CTX, "@type": "https://schema.org/Product" },
  },
  {
    rule: "vocab.external-type",
    invalid: { "@context": CTX, "@type": ["Product", "http://purl.org/goodrelations/v1#Individual"] },
    path: '$["@type"][1]',
    valid: { "@context": CTX, "@type": ["Product", "schema:IndividualProduct"] },
  },
  {
    rule: "vocab.unknown-property",
    invalid: { "@context": CTX, "@type": "Product", nmae: "x" },
    path: "$.nmae",
    message: /did you mean name\?/,
    valid: { "@context": CTX, "@type": "Product", name: "x" },
  },
  {
    rule: "vocab.external-property",
    invalid: { "@context": CTX, "@type": "WebPage", "og:title": "x" },
    path: '$["og:title"]',
    valid: { "@context": CTX, "@type": "WebPage", "schema:name": "x" },
  },
  {
    rule: "vocab.property-not-on-type",
    invalid: { "@context": CTX, "@type": "Person", price: 10 },
    path: "$.price",
    message: /price is not a property of Person/,
    // Inherited: `name` is declared on Thing.
    valid: { "@context": CTX, "@type": "Offer", price: 10, name: "Deal" },
  },
  {
    rule: "vocab.unknown-keyword",
    invalid: { "@context": CTX, "@type": "Thing", "@tyep": "Thing" },
    path: '$["@tyep"]',
    valid: { "@context": CTX, "@type": "Thing", "@id": "https://example.org/#thing" },
  },
  {
    rule: "vocab.invalid-id",
    invalid: { "@context": CTX, "@type": "Thing", "@id": 7 },
    path: '$["@id"]',
    valid: { "@context": CTX, "@type": "Thing", "@id": "#seven" },
  },
  {
    rule: "vocab.unresolved-id",
    invalid: { "@context": CTX, "@type": "Article", author: { "@id": "#nobody" } },
    path: '$.author["@id"]',
    valid: {
      "@context": CTX,
      "@graph": [
        { "@type": "Article", author: { "@id": "#jane" } },
        { "@type": "Person", "@id": "#jane", name: "Jane" },
      ],
    },
  },
  {
    rule: "vocab.value-type",
    invalid: { "@context": CTX, "@type": "Product", offers: { "@type": "Person", name: "x" } },
    path: "$.offers",
    message: /offers expects .*Offer.*, got a Person node/,
    valid: { "@context": CTX, "@type": "Product", offers: { "@type": "AggregateOffer", lowPrice: 1 } },
  },
  {
    rule: "vocab.text-for-thing",
    invalid: { "@context": CTX, "@type": "Article", author: "Jane Roe" },
    path: "$.author",
    valid: { "@context": CTX, "@type": "Article", author: "https://example.org/people/jane" },
  },
  {
    rule: "vocab.invalid-date",
    invalid: { "@context": CTX, "@type": "Article", datePublished: "2026-02-30" },
    path: "$.datePublished",
    message: /ISO 8601 Date or DateTime/,
    valid: { "@context": CTX, "@type": "Article", datePublished: "2024-02-29" },
  },
  {
    rule: "vocab.invalid-duration",
    invalid: { "@context": CTX, "@type": "Recipe", cookTime: "1 hour" },
    path: "$.cookTime",
    valid: { "@context": CTX, "@type": "Recipe", cookTime: "PT1H" },
  },
  {
    rule: "vocab.invalid-url",
    invalid: { "@context": CTX, "@type": "Thing", url: "not a url" },
    path: "$.url",
    valid: { "@context": CTX, "@type": "Thing", url: "mailto:hello@example.org" },
  },
  {
    rule: "vocab.relative-url",
    invalid: { "@context": CTX, "@type": "Thing", url: "/about" },
    path: "$.url",
    valid: { "@context": CTX, "@type": "Thing", url: "https://example.org/about" },
  },
  {
    rule: "vocab.unknown-enum-member",
    invalid: { "@context": CTX, "@type": "Offer", availability: "https://schema.org/InStok" },
    path: "$.availability",
    valid: { "@context": CTX, "@type": "Offer", availability: "InStock" },
  },
  {
    rule: "vocab.superseded",
    invalid: { "@context": CTX, "@type": "TVSeries", episodes: [] },
    path: "$.episodes",
    message: /superseded by episode/,
    valid: { "@context": CTX, "@type": "TVSeries", episode: [] },
  },
];

describe("syntax and vocabulary rules", () => {
  it.each(CASES.map((c) => [c.rule, c] as const))(
    "%s: reported on the invalid snippet, not on the valid one",
    (rule, c) => {
      const bad = run(c.invalid);
      const hits = bad.findings.filter((f) => f.rule === rule);
      expect(hits.length, JSON.stringify(bad.findings, null, 1)).toBeGreaterThan(0);
      const hit = hits[0];
      if (c.path) expect(hits.map((f) => f.path)).toContain(c.path);
      if (c.message) expect(hit?.message).toMatch(c.message);
      expect(hit?.severity).toBe(RULES[rule].severity);
      expect(hit?.layer).toBe(RULES[rule].layer);

      const good = run(c.valid);
      expect(
        good.findings.filter((f) => f.rule === rule),
        JSON.stringify(good.findings, null, 1),
      ).toEqual([]);
    },
  );

  it("has a case for every rule in the catalogue", () => {
    expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(Object.keys(RULES)));
  });
});

describe("contexts", () => {
  const contextFindings = (context: unknown) =>
    validateJsonLd({ "@context": context, "@type": "Thing" }, { google: false }).findings.map((f) => f.rule);

  it.each([
    "https://schema.org",
    "https://schema.org/",
    "http://schema.org",
    "http://schema.org/",
    "HTTPS://SCHEMA.ORG/",
    { "@vocab": "https://schema.org/" },
    { "@vocab": "http://schema.org/", ex: "https://example.org/" },
    ["https://schema.org", { "@language": "en" }],
  ])("accepts %j as schema.org", (context) => {
    expect(contextFindings(context)).toEqual([]);
  });

  it.each([
    ["a remote context", "https://example.org/context.jsonld"],
    ["a remote context next to schema.org", ["https://schema.org", "https://example.org/extra.jsonld"]],
    ["another @vocab", { "@vocab": "http://xmlns.com/foaf/0.1/" }],
    ["only aliases", { name: "http://xmlns.com/foaf/0.1/name" }],
  ])("warns about %s and still checks terms by name", (_what, context) => {
    expect(contextFindings(context)).toEqual(["vocab.context-not-schema-org"]);
    const report = validateJsonLd({ "@context": context, "@type": "Thing", nmae: "x" }, { google: false });
    expect(report.findings.map((f) => f.rule)).toContain("vocab.unknown-property");
  });

  it("reports an invalid context once, without a second warning", () => {
    expect(contextFindings(42)).toEqual(["vocab.context-invalid"]);
    expect(contextFindings(["https://schema.org", true])).toEqual(["vocab.context-invalid"]);
  });

  it("resolves prefixes and aliases declared inline", () => {
    const report = validateJsonLd(
      {
        "@context": {
          "@vocab": "https://schema.org/",
          s: "https://schema.org/",
          title: "https://schema.org/name",
          foaf: "http://xmlns.com/foaf/0.1/",
        },
        "@type": "s:Person",
        title: "Ana",
        "s:jobTitle": "Editor",
        "foaf:nick": "ana",
      },
      { google: false },
    );
    expect(report.findings.map((f) => `${f.rule} ${f.term ?? ""}`)).toEqual([
      "vocab.external-property http://xmlns.com/foaf/0.1/nick",
    ]);
    expect(report.types).toEqual(["Person"]);
  });
});

describe("value rules in detail", () => {
  const value = (type: string, prop: string, v: unknown) =>
    validateJsonLd({ "@context": CTX, "@type": type, [prop]: v }, { google: false }).findings;

  it("accepts literals of every data type", () => {
    expect(value("Offer", "price", "19.99")).toEqual([]);
    expect(value("Offer", "price", 19.99)).toEqual([]);
    expect(value("AggregateRating", "reviewCount", "12")).toEqual([]);
    expect(value("JobPosting", "directApply", true)).toEqual([]);
    expect(value("JobPosting", "directApply", "https://schema.org/False")).toEqual([]);
    expect(value("OpeningHoursSpecification", "opens", "09:00:00")).toEqual([]);
    expect(value("Event", "startDate", "2026-05-07T19:00:00+02:00")).toEqual([]);
    expect(value("Product", "sku", 12345)).toEqual([]);
    expect(value("NutritionInformation", "calories", "240 calories")).toEqual([]);
  });

  it("rejects incompatible literals with the property's range in the message", () => {
    const [f] = value("AggregateRating", "reviewCount", 4.5);
    expect(f).toMatchObject({
      rule: "vocab.value-type",
      path: "$.reviewCount",
      message: "reviewCount expects an integer, got the number 4.5",
    });
    expect(value("Thing", "name", true)[0]?.rule).toBe("vocab.value-type");
    expect(value("Product", "offers", 3)[0]?.rule).toBe("vocab.value-type");
    expect(value("JobPosting", "directApply", "yes")[0]?.rule).toBe("vocab.value-type");
  });

  it("reads enumeration members in every spelling and rejects members of other enumerations", () => {
    for (const v of ["InStock", "schema:InStock", "https://schema.org/InStock", "http://schema.org/InStock"]) {
      expect(value("Offer", "availability", v)).toEqual([]);
    }
    expect(value("Offer", "availability", "https://schema.org/NewCondition")[0]).toMatchObject({
      rule: "vocab.value-type",
      message: expect.stringContaining("OfferItemCondition") as unknown as string,
    });
    expect(value("Offer", "availability", { "@id": "https://schema.org/InStock" })).toEqual([]);
  });

  it("checks value objects, lists and arrays element by element", () => {
    expect(value("Article", "datePublished", { "@value": "2026-02-30" })[0]?.path).toBe('$.datePublished["@value"]');
    expect(value("Recipe", "recipeIngredient", { "@list": ["a", "b"] })).toEqual([]);
    expect(value("Thing", "sameAs", ["https://a.example", "nope nope"])[0]?.path).toBe("$.sameAs[1]");
  });

  it("checks properties of untyped nested nodes against the range's only class", () => {
    const findings = validateJsonLd(
      { "@context": CTX, "@type": "Organization", address: { streetAddress: "1 Main St", price: 3 } },
      { google: false },
    ).findings;
    expect(findings).toEqual([
      expect.objectContaining({ rule: "vocab.property-not-on-type", path: "$.address.price" }),
    ]);
  });

  it("lets a Role stand in for a value and carry the property it wraps", () => {
    const doc = {
      "@context": CTX,
      "@type": "SportsTeam",
      name: "Harbour FC",
      member: {
        "@type": "OrganizationRole",
        member: { "@type": "Person", name: "Ana" },
        startDate: "2024-01-01",
        roleName: "Captain",
      },
    };
    expect(validateJsonLd(doc, { google: false }).findings).toEqual([]);
  });

  it("accepts schema.org Actions annotations such as query-input", () => {
    const doc = {
      "@context": CTX,
      "@type": "WebSite",
      url: "https://example.org",
      potentialAction: {
        "@type": "SearchAction",
        target: "https://example.org/?q={q}",
        "query-input": "required name=q",
      },
    };
    expect(validateJsonLd(doc, { google: false }).findings).toEqual([]);
  });

  it("applies a property when any of several types has it", () => {
    const doc = { "@context": CTX, "@type": ["Book", "Product"], isbn: "9780000000002", sku: "B-1" };
    expect(validateJsonLd(doc, { google: false }).findings).toEqual([]);
  });

  it("reports the type of a referenced node that does not fit the range", () => {
    const doc = {
      "@context": CTX,
      "@graph": [
        { "@type": "Offer", "@id": "#o", price: 1, seller: { "@id": "#r" } },
        { "@type": "Review", "@id": "#r" },
      ],
    };
    expect(validateJsonLd(doc, { google: false }).findings).toEqual([
      expect.objectContaining({
        rule: "vocab.value-type",
        path: '$["@graph"][0].seller["@id"]',
        message: expect.stringMatching(/#r is a Review/) as unknown as string,
      }),
    ]);
  });

  it("does not warn about references that are plain URLs where a URL is allowed", () => {
    const doc = { "@context": CTX, "@type": "Article", mainEntityOfPage: { "@id": "https://example.org/page" } };
    expect(validateJsonLd(doc, { google: false }).findings).toEqual([]);
  });

  it("lists the types found, including unknown and external ones", () => {
    const report = validateJsonLd(
      { "@context": CTX, "@type": ["Product", "ex:Thing"], offers: { "@type": "Offer" } },
      { google: false },
    );
    expect(report.types).toEqual(["Product", "ex:Thing", "Offer"]);
  });
});
