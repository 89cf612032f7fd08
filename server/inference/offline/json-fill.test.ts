import { describe, expect, it } from "vitest";
import type { JSONSchema7 } from "@ai-sdk/provider";
import { composeCopy } from "./composer";
import { fillJsonSchema, nameTokens, validateJsonSchema } from "./json-fill";
import { parsePromptBlocks } from "./prompt-blocks";
import { BOOTS_FACTS, BOOTS_PROMPT, tagged } from "./test-helpers";

const blocks = parsePromptBlocks(BOOTS_PROMPT);
const copy = composeCopy(blocks);
const inputText = [blocks.brief, blocks.brandVoice, blocks.instructions, ...blocks.facts.map((f) => f.text)].join("\n");

function fill(schema: JSONSchema7) {
  const value = fillJsonSchema(schema, copy, { facts: blocks.facts, inputText });
  expect(validateJsonSchema(schema, value)).toEqual([]);
  return value;
}

describe("nameTokens", () => {
  it("splits camelCase, snake_case and singularises", () => {
    expect(nameTokens("metaDescriptions")).toEqual(["meta", "description"]);
    expect(nameTokens("call_to_action")).toEqual(["call", "to", "action"]);
    expect(nameTokens("FAQEntries")).toEqual(["faq", "entry"]);
  });

  it("reads a numbered field as its word, but keeps heading levels", () => {
    expect(nameTokens("path1")).toEqual(["path"]);
    expect(nameTokens("headline2")).toEqual(["headline"]);
    expect(nameTokens("h2")).toEqual(["h2"]);
  });
});

describe("fillJsonSchema", () => {
  it("fills by field-name semantics and respects maxLength", () => {
    const value = fill({
      type: "object",
      properties: {
        headline: { type: "string", maxLength: 30 },
        description: { type: "string", maxLength: 90 },
        cta: { type: "string", maxLength: 20 },
        slug: { type: "string" },
        summary: { type: "string", maxLength: 12 },
      },
      required: ["headline", "description", "cta", "slug", "summary"],
      additionalProperties: false,
    }) as Record<string, string>;
    expect(value.headline).toBe(copy.headlines[0]);
    expect(blocks.facts.some((f) => f.text.includes(value.description ?? "-"))).toBe(true);
    expect(copy.ctas).toContain(value.cta);
    expect(value.slug).toBe(copy.slug);
    expect(value.summary?.length).toBeLessThanOrEqual(12);
    expect(copy.summary.startsWith(value.summary ?? "-")).toBe(true);
  });

  it("arrays: between minItems and min(maxItems, available) distinct items", () => {
    const value = fill({
      type: "object",
      properties: {
        headlines: { type: "array", items: { type: "string", maxLength: 30 }, minItems: 2, maxItems: 50 },
        tags: { type: "array", items: { type: "string" } },
        facts: { type: "array", items: { type: "string" }, maxItems: 2 },
        citations: { type: "array", items: { type: "string" }, uniqueItems: true },
        none: { type: "array", items: { type: "string" }, maxItems: 0 },
      },
      required: ["headlines", "tags", "facts", "citations", "none"],
    }) as Record<string, string[]>;
    // As many distinct headlines as the copy has (up to maxItems)…
    expect(value.headlines?.length).toBe(copy.headlines.length);
    expect(new Set(value.headlines).size).toBe(value.headlines?.length);
    for (const h of value.headlines ?? []) expect(h.length).toBeLessThanOrEqual(30);
    // …and at most 5 when the schema sets no maxItems.
    expect(value.tags?.length).toBe(5);
    expect(new Set(value.tags).size).toBe(5);
    expect(value.facts).toEqual([
      "TrailMax boots use a Gore-Tex membrane that keeps feet dry in rain for up to 8 hours.",
      "Each boot weighs 540 g.",
    ]);
    expect(value.citations).toEqual(["spec-1", "warranty-1", "price-1"]);
    expect(value.none).toEqual([]);
  });

  it("handles $ref/definitions, recursion, allOf, anyOf, oneOf, nullable and tuples", () => {
    const schema: JSONSchema7 = {
      type: "object",
      definitions: {
        node: {
          type: "object",
          properties: {
            name: { type: "string", maxLength: 20 },
            children: { type: "array", items: { $ref: "#/definitions/node" }, maxItems: 2 },
          },
          required: ["name", "children"],
        },
      },
      properties: {
        tree: { $ref: "#/definitions/node" },
        merged: {
          allOf: [
            { type: "object", properties: { title: { type: "string" } }, required: ["title"] },
            { properties: { title: { maxLength: 15 } } },
          ],
        },
        either: { anyOf: [{ type: "null" }, { type: "integer", minimum: 3, maximum: 3 }] },
        exactlyOne: {
          oneOf: [
            { type: "string", maxLength: 3 },
            { type: "string", minLength: 4 },
          ],
        },
        nullable: { type: ["string", "null"], maxLength: 10 },
        tuple: {
          type: "array",
          items: [{ type: "string", enum: ["x", "y"] }, { type: "boolean" }],
          additionalItems: false,
          minItems: 2,
          maxItems: 2,
        },
        constant: { const: "fixed" },
      },
      required: ["tree", "merged", "either", "exactlyOne", "nullable", "tuple", "constant"],
    };
    const value = fill(schema) as Record<string, unknown>;
    expect((value.tree as { children: unknown[] }).children.length).toBeGreaterThan(0);
    expect(value.either).toBe(3);
    expect(value.constant).toBe("fixed");
    expect(value.tuple).toEqual(["x", false]);
    expect(typeof value.nullable).toBe("string");
  });

  it("formats and patterns get valid values (placeholders when the input has none)", () => {
    const value = fill({
      type: "object",
      properties: {
        email: { type: "string", format: "email" },
        website: { type: "string", format: "uri" },
        publishedAt: { type: "string", format: "date-time" },
        day: { type: "string", format: "date" },
        id: { type: "string", format: "uuid" },
        code: { type: "string", pattern: "^[A-Z]+$" },
        handle: { type: "string", pattern: "^[a-z-]{3,40}$" },
      },
      required: ["email", "website", "publishedAt", "day", "id", "code", "handle"],
    }) as Record<string, string>;
    expect(value.email).toBe("hello@example.com");
    expect(value.website).toBe(`https://example.com/${copy.slug}`);
    expect(value.publishedAt).toBe("1970-01-01T00:00:00Z");
    expect(value.code).toMatch(/^[A-Z]+$/);
  });

  it("uses e-mail addresses and URLs found in the input", () => {
    const b = parsePromptBlocks(
      tagged({
        channel: "email",
        brief: "Invite people to write to team@trailmax.example or visit https://trailmax.example/boots.",
      }),
    );
    const c = composeCopy(b);
    const schema: JSONSchema7 = {
      type: "object",
      properties: { contact: { type: "string", format: "email" }, url: { type: "string", format: "uri" } },
      required: ["contact", "url"],
    };
    const value = fillJsonSchema(schema, c, { facts: b.facts, inputText: b.brief });
    expect(value).toEqual({ contact: "team@trailmax.example", url: "https://trailmax.example/boots." });
  });

  it("numbers: quoted from facts when the name matches, else default/minimum/0", () => {
    const value = fill({
      type: "object",
      properties: {
        price: { type: "number" },
        weightGrams: { type: "integer" },
        warrantyYears: { type: "integer", minimum: 1 },
        hoursDry: { type: "number", maximum: 4 },
        score: { type: "number", default: 7, minimum: 0, maximum: 10 },
        count: { type: "integer", exclusiveMinimum: 2 },
        negative: { type: "number", maximum: -3 },
        other: { type: "number" },
      },
      required: ["price", "weightGrams", "warrantyYears", "hoursDry", "score", "count", "negative", "other"],
    });
    expect(value).toEqual({
      price: 149,
      weightGrams: 540,
      warrantyYears: 2,
      hoursDry: 0,
      score: 7,
      count: 3,
      negative: -3,
      other: 0,
    });
  });

  it("enums prefer a value the input mentions", () => {
    const value = fill({
      type: "object",
      properties: {
        tone: { type: "string", enum: ["bold", "warm", "formal"] },
        season: { type: "string", enum: ["winter", "summer"] },
        audienceSegment: { type: "string", enum: ["families", "weekend hikers"] },
      },
      required: ["tone", "season", "audienceSegment"],
    });
    expect(value).toEqual({ tone: "warm", season: "winter", audienceSegment: "weekend hikers" });
  });

  it("minLength: extends with further content", () => {
    const value = fill({
      type: "object",
      properties: { headline: { type: "string", minLength: 120 } },
      required: ["headline"],
    }) as Record<string, string>;
    expect(value.headline?.length).toBeGreaterThanOrEqual(120);
  });

  it("without a schema returns the channel-shaped default object", () => {
    expect(fillJsonSchema(undefined, copy)).toMatchObject({ channel: "ad", cta: copy.ctas[0] });
  });

  it("section arrays map onto the composed sections", () => {
    const seo = composeCopy({ ...blocks, channel: "seo_page" });
    const schema: JSONSchema7 = {
      type: "object",
      properties: {
        sections: {
          type: "array",
          items: {
            type: "object",
            properties: { heading: { type: "string" }, bullets: { type: "array", items: { type: "string" } } },
            required: ["heading", "bullets"],
          },
        },
      },
      required: ["sections"],
    };
    const value = fillJsonSchema(schema, seo, { facts: BOOTS_FACTS.map((f) => ({ ...f, source: f.source })) }) as {
      sections: Array<{ heading: string; bullets: string[] }>;
    };
    expect(validateJsonSchema(schema, value)).toEqual([]);
    expect(value.sections.map((s) => s.heading)).toEqual(seo.sections.map((s) => s.heading));
    expect(value.sections[1]?.bullets).toEqual([
      "Every TrailMax boot comes with a 2-year warranty covering seams and soles.",
    ]);
  });
});

describe("validateJsonSchema", () => {
  it("reports violations", () => {
    const schema: JSONSchema7 = {
      type: "object",
      properties: { a: { type: "string", maxLength: 2 }, b: { type: "array", minItems: 1 } },
      required: ["a", "b"],
      additionalProperties: false,
    };
    expect(validateJsonSchema(schema, { a: "abc", c: 1 })).toEqual([
      "$: missing b",
      "$.a: longer than 2",
      "$: unexpected property c",
    ]);
  });
});
