import { describe, expect, it } from "vitest";
import {
  ASSERTION_KINDS,
  Assertion,
  GoldenCase,
  GoldenCaseBody,
  assertionLabel,
  fieldExists,
  fieldMatcher,
} from "./evals";

const messages = (r: { success: boolean; error?: { issues: Array<{ message: string; path: PropertyKey[] }> } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("Assertion", () => {
  it("applies defaults", () => {
    expect(Assertion.parse({ kind: "contains", text: " free " })).toEqual({
      kind: "contains",
      text: "free",
      caseSensitive: false,
    });
    expect(Assertion.parse({ kind: "regex", pattern: "a+" })).toEqual({
      kind: "regex",
      pattern: "a+",
      flags: "",
      mustMatch: true,
    });
  });

  it("refuses an invalid regular expression with the reason", () => {
    const r = Assertion.safeParse({ kind: "regex", pattern: "(free", mustMatch: true });
    expect(r.success).toBe(false);
    expect(messages(r)).toHaveLength(1);
    expect(messages(r)[0]).toMatch(/^pattern: The pattern "\(free" is not a valid regular expression: .+/);
  });

  it("accepts only the flags i, m, s, u, each once", () => {
    expect(Assertion.safeParse({ kind: "regex", pattern: "a", flags: "g" }).success).toBe(false);
    expect(Assertion.safeParse({ kind: "regex", pattern: "a", flags: "ii" }).success).toBe(false);
    expect(Assertion.safeParse({ kind: "regex", pattern: "a", flags: "imsu" }).success).toBe(true);
  });

  it("refuses a pattern invalid only under its flags", () => {
    const r = Assertion.safeParse({ kind: "regex", pattern: "\\p{L", flags: "u" });
    expect(messages(r)[0]).toContain("is not a valid regular expression");
  });

  it("bounds scores to 0–1 and asks for a field on max_length", () => {
    expect(Assertion.safeParse({ kind: "grounding_min", min: 1.2 }).success).toBe(false);
    expect(Assertion.safeParse({ kind: "judge_min", rubric: "Plain and warm copy.", min: -0.1 }).success).toBe(false);
    expect(Assertion.safeParse({ kind: "max_length", max: 30 }).success).toBe(false);
    expect(Assertion.safeParse({ kind: "max_length", field: "head lines", max: 30 }).success).toBe(false);
  });

  it("labels every kind, preferring the author's label", () => {
    const samples: Record<(typeof ASSERTION_KINDS)[number], unknown> = {
      contains: { kind: "contains", field: "subject", text: "Flask" },
      not_contains: { kind: "not_contains", text: "free" },
      regex: { kind: "regex", pattern: "\\d+%", flags: "i", mustMatch: false },
      max_length: { kind: "max_length", field: "headlines[*].text", max: 30 },
      governor_pass: { kind: "governor_pass" },
      no_unsupported_facts: { kind: "no_unsupported_facts" },
      jsonld_valid: { kind: "jsonld_valid" },
      grounding_min: { kind: "grounding_min", min: 0.8 },
      judge_min: { kind: "judge_min", rubric: "Plain, warm, no hype.", min: 0.75 },
    };
    expect(ASSERTION_KINDS.map((k) => assertionLabel(Assertion.parse(samples[k])))).toEqual([
      "Contains “Flask” in subject",
      "Does not contain “free”",
      "Does not match /\\d+%/i",
      "headlines[*].text at most 30 characters",
      "Style governor passes",
      "No unsupported facts",
      "JSON-LD is valid",
      "Grounding score at least 80%",
      "Judge scores at least 75%: Plain, warm, no hype.",
    ]);
    expect(assertionLabel(Assertion.parse({ kind: "governor_pass", label: "On brand" }))).toBe("On brand");
  });
});

describe("field paths", () => {
  it("a field covers the paths under it, [*] any index", () => {
    const m = fieldMatcher("headlines[*].text");
    expect(["headlines[0].text", "headlines[12].text"].every(m)).toBe(true);
    expect(m("descriptions[0].text")).toBe(false);
    expect(fieldMatcher("headlines")("headlines[3].text")).toBe(true);
    expect(fieldMatcher("head")("headlines[3].text")).toBe(false);
    expect(fieldMatcher("variants[1]")("variants[1].headline")).toBe(true);
    expect(fieldMatcher("variants[1]")("variants[10].headline")).toBe(false);
  });

  it("knows which fields a format has", () => {
    expect(fieldExists("google_rsa", "headlines[7].text")).toBe(true);
    expect(fieldExists("google_rsa", "headlines")).toBe(true);
    expect(fieldExists("google_rsa", "subject")).toBe(false);
    expect(fieldExists("email", "cta")).toBe(true);
    expect(fieldExists("email", "cta.url")).toBe(false);
    expect(fieldExists("seo_page", "faq[*].answer")).toBe(true);
  });
});

describe("GoldenCase", () => {
  const base = { brief: "Promote the Northwind Flask to commuters.", format: "google_rsa" };

  it("parses a case", () => {
    const c = GoldenCase.parse({
      ...base,
      expectations: [{ kind: "max_length", field: "headlines[*].text", max: 30 }],
    });
    expect(c.expectations).toHaveLength(1);
  });

  it("needs at least one expectation", () => {
    expect(messages(GoldenCase.safeParse({ ...base, expectations: [] }))).toEqual([
      "expectations: Add at least one expectation",
    ]);
  });

  it("refuses a field the format does not have, and JSON-LD outside SEO pages", () => {
    const r = GoldenCaseBody.safeParse({
      name: "RSA basics",
      ...base,
      expectations: [{ kind: "contains", field: "subject", text: "Flask" }, { kind: "jsonld_valid" }],
    });
    expect(messages(r)).toEqual([
      'expectations.0.field: The field "subject" does not exist in a Google responsive search ad; use one of headlines[*].text, descriptions[*].text, path1, path2.',
      "expectations.1.kind: JSON-LD is checked on SEO pages only; this case is a Google responsive search ad.",
    ]);
  });
});
