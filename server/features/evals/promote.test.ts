import { describe, expect, it } from "vitest";
import { GoldenCase } from "@/lib/schemas/evals";
import { evaluateCase } from "./assertions";
import { assertionsFromRejection, quotedPhrases } from "./promote";
import { EMAIL, RSA, SEO, flag, subject } from "./test-helpers";

describe("quotedPhrases", () => {
  it("finds curly, straight and single-quoted phrases, not apostrophes", () => {
    expect(
      quotedPhrases(`Don't say “lifetime warranty”; avoid "free." and 'best-in-class', it's off-brand. Again: "Free"`),
    ).toEqual(["lifetime warranty", "free", "best-in-class"]);
    expect(quotedPhrases("The editor's note: too long, doesn't fit.")).toEqual([]);
  });
});

describe("assertionsFromRejection", () => {
  it("turns a rejected RSA's flags and reason into expectations, in a fixed order", () => {
    const flags = [
      flag({
        kind: "channel",
        field: "headlines[3].text",
        ruleId: "headline_too_long",
        message: "Headline 4 is 34 characters.",
      }),
      flag({ kind: "governor", ruleId: "Northwind.Hype", field: "headlines[2].text" }),
      flag({ kind: "governor", ruleId: "Northwind.Hype", field: "descriptions[0].text" }),
      flag({ kind: "governor", level: "warning", ruleId: "Northwind.Tone" }),
      flag({ kind: "channel", field: "headlines[5].text", ruleId: "headline_too_long" }),
      flag({ kind: "channel", field: "path1", ruleId: "path_slash" }),
      flag({ kind: "unsupported_claim", ruleId: "grounding.unsupported", field: "descriptions[1].text" }),
      flag({ kind: "jsonld", ruleId: "google.required" }),
    ];
    const out = assertionsFromRejection({
      reason: `Don't promise a “lifetime warranty” and avoid "free".`,
      flags,
      content: RSA,
      format: "google_rsa",
    });
    expect(out).toEqual([
      { kind: "governor_pass", label: "Style governor passes (was: Northwind.Hype)" },
      { kind: "no_unsupported_facts", label: "No unsupported facts (the rejected draft had some)" },
      { kind: "max_length", field: "headlines[*].text", max: 30 },
      {
        kind: "not_contains",
        text: "lifetime warranty",
        caseSensitive: false,
        label: "Does not say “lifetime warranty” (from the rejection)",
      },
      { kind: "not_contains", text: "free", caseSensitive: false, label: "Does not say “free” (from the rejection)" },
    ]);
    // The suggestions make a valid case, and the rejected draft fails it.
    const c = GoldenCase.parse({
      brief: "Promote the Northwind Flask to commuters.",
      format: "google_rsa",
      expectations: out,
    });
    return evaluateCase(c, subject(RSA, { verdict: "needs_review", flags })).then((r) => {
      expect(r.status).toBe("fail");
      expect(r.results.find((x) => x.kind === "not_contains" && x.status === "fail")?.message).toContain(
        "“lifetime warranty” found in headlines[2].text",
      );
    });
  });

  it("uses the channel's limit, and a range rule only when over the top", () => {
    const longPre = { ...EMAIL, preheader: "x".repeat(140) } as typeof EMAIL;
    const flags = [
      flag({ kind: "channel", level: "warning", field: "subject", ruleId: "subject_long" }),
      flag({ kind: "channel", level: "warning", field: "preheader", ruleId: "preheader_length" }),
    ];
    expect(assertionsFromRejection({ reason: "Too long.", flags, content: longPre, format: "email" })).toEqual([
      { kind: "max_length", field: "subject", max: 60 },
      { kind: "max_length", field: "preheader", max: 130 },
    ]);
    // A preheader that is too short cannot become a max_length.
    expect(assertionsFromRejection({ reason: "Too long.", flags, content: EMAIL, format: "email" })).toEqual([
      { kind: "max_length", field: "subject", max: 60 },
    ]);
  });

  it("adds jsonld_valid for SEO pages and nothing for a reason with nothing to act on", () => {
    expect(
      assertionsFromRejection({
        reason: "Not for us.",
        flags: [flag({ kind: "jsonld" })],
        content: SEO,
        format: "seo_page",
      }),
    ).toEqual([{ kind: "jsonld_valid", label: "JSON-LD is valid (the rejected draft's was not)" }]);
    expect(assertionsFromRejection({ reason: "Not for us.", flags: [], content: SEO, format: "seo_page" })).toEqual([]);
  });

  it("is deterministic", () => {
    const input = {
      reason: `avoid "free" and “guaranteed”`,
      flags: [flag({ kind: "governor", ruleId: "A.B" })],
      content: EMAIL,
      format: "email" as const,
    };
    expect(assertionsFromRejection(input)).toEqual(assertionsFromRejection(structuredClone(input)));
  });
});
