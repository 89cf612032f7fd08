import { describe, expect, it } from "vitest";
import {
  ASSERTION_KINDS,
  Assertion,
  type AssertionInput,
  type AssertionKind,
  type AssertionStatus,
} from "@/lib/schemas/evals";
import type { DraftJsonLd } from "@/lib/schemas/jsonld";
import { EMAIL, META, RSA, SEO, flag, grounding, subject } from "../test-helpers";
import { JUDGE_SKIPPED_REASON, evaluate, evaluateCase, type EvalOptions, type EvalSubject, type Judge } from ".";

const VALID_JSONLD: DraftJsonLd = {
  valid: true,
  errorCount: 0,
  warningCount: 1,
  findings: [],
  types: ["Product"],
  richResults: [],
  type: "Product",
};
const INVALID_JSONLD: DraftJsonLd = {
  ...VALID_JSONLD,
  valid: false,
  errorCount: 1,
  findings: [
    {
      severity: "error",
      layer: "google",
      rule: "google.required",
      path: "$.offers",
      message: "Product needs one of review, aggregateRating or offers.",
    },
  ],
};

const judgeScoring =
  (score: number): Judge =>
  () =>
    Promise.resolve({ score, rationale: "Reads like the brand." });

type Example = {
  name: string;
  assertion: AssertionInput;
  subject: EvalSubject;
  opts?: EvalOptions;
  /** Part of the message that says what was expected and what was found. */
  message?: string | RegExp;
};

/** Every kind with passing and failing examples; the test below refuses a kind without both. */
const EXAMPLES: { [K in AssertionKind]: { pass: Example[]; fail: Example[] } } = {
  contains: {
    pass: [
      {
        name: "in a named field",
        assertion: { kind: "contains", field: "subject", text: "northwind flask" },
        subject: subject(EMAIL),
      },
      {
        name: "anywhere, in a list item",
        assertion: { kind: "contains", text: "Lifetime warranty" },
        subject: subject(RSA),
        message: "found in headlines[2].text",
      },
    ],
    fail: [
      {
        name: "case-sensitive",
        assertion: { kind: "contains", field: "subject", text: "northwind flask", caseSensitive: true },
        subject: subject(EMAIL),
        message: /Expected “northwind flask” in subject; not found in it \(it reads “Meet the Northwind Flask/,
      },
      {
        name: "absent everywhere",
        assertion: { kind: "contains", text: "free returns" },
        subject: subject(EMAIL),
        message: "Expected “free returns” in the draft; not found in any of 5 fields",
      },
    ],
  },
  not_contains: {
    pass: [{ name: "absent", assertion: { kind: "not_contains", text: "guaranteed" }, subject: subject(EMAIL) }],
    fail: [
      {
        name: "found in a paragraph",
        assertion: { kind: "not_contains", text: "free shipping" },
        subject: subject(EMAIL),
        message: "“free shipping” found in paragraphs[1]",
      },
      {
        name: "found in one variant field of a list",
        assertion: { kind: "not_contains", field: "variants[*].description", text: "FREE SHIPPING" },
        subject: subject(META),
        message: "found in variants[0].description",
      },
    ],
  },
  regex: {
    pass: [
      {
        name: "must match",
        assertion: { kind: "regex", field: "headlines[*].text", pattern: "\\d+ hours", flags: "i", mustMatch: true },
        subject: subject(RSA),
        message: "matches in headlines[1].text",
      },
      {
        name: "must not match",
        assertion: { kind: "regex", pattern: "\\bguarantee[ds]?\\b", flags: "i", mustMatch: false },
        subject: subject(SEO),
      },
    ],
    fail: [
      {
        name: "must match, none does",
        assertion: { kind: "regex", field: "title", pattern: "^Buy", mustMatch: true },
        subject: subject(SEO),
        message: "Expected /^Buy/ to match in title; none of 1 fields matches",
      },
      {
        name: "must not match, one does",
        assertion: { kind: "regex", pattern: "\\b\\d+ hours\\b", mustMatch: false },
        subject: subject(SEO),
        message: "matches in metaDescription, sections[0].heading; expected no match in the draft",
      },
    ],
  },
  max_length: {
    pass: [
      {
        name: "every headline fits",
        assertion: { kind: "max_length", field: "headlines[*].text", max: 30 },
        subject: subject(RSA),
        message: "Longest is headlines[0].text at 29 characters; at most 30 allowed",
      },
    ],
    fail: [
      {
        name: "a single field",
        assertion: { kind: "max_length", field: "subject", max: 60 },
        subject: subject(EMAIL),
        message: "subject is 62 characters; at most 60 allowed.",
      },
      {
        name: "some items of a list",
        assertion: { kind: "max_length", field: "headlines", max: 27 },
        subject: subject(RSA),
        message:
          "2 of 3 texts are too long (headlines[0].text is 29, headlines[1].text is 29); at most 27 characters allowed",
      },
    ],
  },
  governor_pass: {
    pass: [{ name: "verdict pass", assertion: { kind: "governor_pass" }, subject: subject(RSA) }],
    fail: [
      {
        name: "needs review",
        assertion: { kind: "governor_pass" },
        subject: subject(RSA, {
          verdict: "needs_review",
          score: 71,
          flags: [
            flag({
              kind: "governor",
              ruleId: "Northwind.Hype",
              field: "headlines[2].text",
              message: "Avoid “lifetime”.",
            }),
            flag({ kind: "governor", level: "warning", ruleId: "Northwind.Tone" }),
          ],
        }),
        message:
          "Expected the governor's verdict to be pass; it is needs_review (score 71; errors from Northwind.Hype)",
      },
    ],
  },
  no_unsupported_facts: {
    pass: [
      {
        name: "all supported",
        assertion: { kind: "no_unsupported_facts" },
        subject: subject(EMAIL),
        message: "(2 of 2)",
      },
    ],
    fail: [
      {
        name: "a flagged claim",
        assertion: { kind: "no_unsupported_facts" },
        subject: subject(EMAIL, {
          grounding: grounding({ score: 0.5, supportedCount: 1 }),
          flags: [
            flag({
              kind: "unsupported_claim",
              field: "paragraphs[1]",
              ruleId: "grounding.unsupported",
              message: "Not supported by the knowledge base: “free shipping this week”.",
            }),
          ],
        }),
        message: "Expected no unsupported facts; found 1 unsupported sentence",
      },
    ],
  },
  jsonld_valid: {
    pass: [{ name: "valid", assertion: { kind: "jsonld_valid" }, subject: subject(SEO, { jsonLd: VALID_JSONLD }) }],
    fail: [
      {
        name: "a Google requirement missing",
        assertion: { kind: "jsonld_valid" },
        subject: subject(SEO, { jsonLd: INVALID_JSONLD }),
        message: "Expected valid JSON-LD; the Product JSON-LD has 1 error, first: Product needs one of",
      },
    ],
  },
  grounding_min: {
    pass: [
      {
        name: "at the threshold",
        assertion: { kind: "grounding_min", min: 0.8 },
        subject: subject(EMAIL, { grounding: grounding({ score: 0.8, factualCount: 5, supportedCount: 4 }) }),
      },
    ],
    fail: [
      {
        name: "below",
        assertion: { kind: "grounding_min", min: 0.8 },
        subject: subject(EMAIL, { grounding: grounding({ score: 4 / 6, factualCount: 6, supportedCount: 4 }) }),
        message: "Grounding score is 67% (4 of 6 factual sentences supported); at least 80% required",
      },
    ],
  },
  judge_min: {
    pass: [
      {
        name: "a real judge scores high",
        assertion: { kind: "judge_min", rubric: "Sounds like Northwind: plain, warm, no hype.", min: 0.7 },
        subject: subject(EMAIL),
        opts: { judge: judgeScoring(0.9) },
      },
    ],
    fail: [
      {
        name: "a real judge scores low",
        assertion: { kind: "judge_min", rubric: "Sounds like Northwind: plain, warm, no hype.", min: 0.7 },
        subject: subject(EMAIL),
        opts: { judge: judgeScoring(0.4) },
        message: "The judge scored 40%; at least 70% required",
      },
    ],
  },
};

async function run(e: Example) {
  return evaluate(Assertion.parse(e.assertion), e.subject, e.opts);
}

describe("evaluate: every assertion kind", () => {
  it("has at least one passing and one failing example for every kind", () => {
    for (const kind of ASSERTION_KINDS) {
      const ex = EXAMPLES[kind];
      expect(ex, kind).toBeDefined();
      expect(ex.pass.length, `${kind} pass examples`).toBeGreaterThan(0);
      expect(ex.fail.length, `${kind} fail examples`).toBeGreaterThan(0);
      for (const e of [...ex.pass, ...ex.fail]) expect(e.assertion.kind, e.name).toBe(kind);
    }
  });

  for (const kind of ASSERTION_KINDS) {
    for (const expected of ["pass", "fail"] as const satisfies AssertionStatus[]) {
      for (const e of EXAMPLES[kind][expected]) {
        it(`${kind}: ${expected} (${e.name})`, async () => {
          const r = await run(e);
          expect(r.kind).toBe(kind);
          expect(r.label.length).toBeGreaterThan(0);
          expect(r.status, r.message).toBe(expected);
          if (e.message) expect(r.message).toMatch(e.message);
          if (expected === "fail" && /(?<!not )found in|matches in/.test(r.message))
            expect(r.evidence?.length).toBeGreaterThan(0);
        });
      }
    }
  }
});

describe("evaluate: bad input gives errors, not crashes", () => {
  it("a field that does not exist in the format", async () => {
    const r = await evaluate(Assertion.parse({ kind: "max_length", field: "subject", max: 10 }), subject(RSA));
    expect(r.status).toBe("error");
    expect(r.message).toBe(
      'The field "subject" does not exist in a Google responsive search ad; use one of headlines[*].text, descriptions[*].text, path1, path2.',
    );
  });

  it("a known field that is empty in this draft: contains fails, max_length passes", async () => {
    const contains = await evaluate(Assertion.parse({ kind: "contains", field: "path2", text: "sale" }), subject(RSA));
    expect(contains.status).toBe("fail");
    expect(contains.message).toContain("that field has no text in this draft");
    const max = await evaluate(Assertion.parse({ kind: "max_length", field: "path2", max: 15 }), subject(RSA));
    expect(max.status).toBe("pass");
  });

  it("an exponential regex is refused at evaluation, never run", async () => {
    // Built without the schema, as a stored case from before the check would be.
    const r = await evaluate({ kind: "regex", pattern: "^(a+)+$", flags: "", mustMatch: false }, subject(EMAIL));
    expect(r.status).toBe("error");
    expect(r.message).toContain("can backtrack exponentially");
  });

  it("an invalid regex is an error with the reason", async () => {
    const r = await evaluate({ kind: "regex", pattern: "(free", flags: "", mustMatch: true }, subject(EMAIL));
    expect(r.status).toBe("error");
    expect(r.message).toMatch(/^The pattern "\(free" is not a valid regular expression: .+/);
  });

  it("JSON-LD on a format without it, or without a report", async () => {
    const onEmail = await evaluate({ kind: "jsonld_valid" }, subject(EMAIL));
    expect(onEmail).toMatchObject({
      status: "error",
      message: "JSON-LD is checked on SEO pages only; this draft is a Email.",
    });
    const noReport = await evaluate({ kind: "jsonld_valid" }, subject(SEO));
    expect(noReport).toMatchObject({ status: "error", message: "The draft has no JSON-LD validation report." });
  });

  it("grounding assertions when grounding did not run", async () => {
    const s = subject(EMAIL, { grounding: null });
    expect((await evaluate({ kind: "grounding_min", min: 0.5 }, s)).status).toBe("error");
    expect((await evaluate({ kind: "no_unsupported_facts" }, s)).status).toBe("error");
  });

  it("the judge is skipped offline, and a failing judge is an error", async () => {
    const a = Assertion.parse({ kind: "judge_min", rubric: "Plain, warm and specific copy.", min: 0.5 });
    const offline = await evaluate(a, subject(EMAIL));
    expect(offline.status).toBe("skipped");
    expect(offline.message).toContain(JUDGE_SKIPPED_REASON);
    expect(JUDGE_SKIPPED_REASON).toBe("needs a real model; the offline engine is not a judge");
    const timeout = await evaluate(a, subject(EMAIL), {
      judge: () => Promise.reject(new Error("timed out after 30 s")),
    });
    expect(timeout).toMatchObject({ status: "error", message: "The judge did not answer: timed out after 30 s" });
    const outOfRange = await evaluate(a, subject(EMAIL), { judge: judgeScoring(7) });
    expect(outOfRange.status).toBe("error");
  });

  it("a malformed subject is an error", async () => {
    const broken = { content: EMAIL, record: { ...subject(EMAIL).record, flags: undefined } } as unknown as EvalSubject;
    const r2 = await evaluate({ kind: "no_unsupported_facts" }, broken);
    expect(r2.status).toBe("error");
    expect(r2.message).toMatch(/^The assertion could not be evaluated: /);
  });
});

describe("evaluate: Google Ads counts double-width characters twice", () => {
  it("a CJK headline of 16 characters is 32 wide", async () => {
    const content = { ...RSA, headlines: [{ text: "北風フラスク通勤用の保温ボトルです", pin: null }] } as typeof RSA;
    const r = await evaluate({ kind: "max_length", field: "headlines[*].text", max: 30 }, subject(content));
    expect(r.status).toBe("fail");
    expect(r.message).toBe("headlines[0].text is 34 characters; at most 30 allowed.");
  });
});

describe("evaluateCase", () => {
  const expectations = [
    Assertion.parse({ kind: "contains", text: "Northwind" }),
    Assertion.parse({ kind: "judge_min", rubric: "Plain, warm and specific copy.", min: 0.5 }),
  ];

  it("passes when nothing fails or errors; skipped does not fail", async () => {
    const r = await evaluateCase({ format: "email", expectations }, subject(EMAIL));
    expect(r).toMatchObject({ status: "pass", passed: true, counts: { pass: 1, fail: 0, skipped: 1, error: 0 } });
  });

  it("fails when one fails, errors when one errors", async () => {
    const failing = [...expectations, Assertion.parse({ kind: "not_contains", text: "free shipping" })];
    expect((await evaluateCase({ format: "email", expectations: failing }, subject(EMAIL))).status).toBe("fail");
    const erroring = [...expectations, Assertion.parse({ kind: "max_length", field: "title", max: 60 })];
    const r = await evaluateCase({ format: "email", expectations: erroring }, subject(EMAIL));
    expect(r).toMatchObject({ status: "error", passed: false, counts: { pass: 1, error: 1, skipped: 1 } });
  });

  it("a draft of another format errors every assertion", async () => {
    const r = await evaluateCase({ format: "seo_page", expectations }, subject(EMAIL));
    expect(r.status).toBe("error");
    expect(
      r.results.every(
        (x) => x.status === "error" && x.message === "The case is for a SEO page but the draft is a Email.",
      ),
    ).toBe(true);
  });
});
