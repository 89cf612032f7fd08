import { z } from "zod";
import { DraftFormat, FORMAT_LABELS } from "./drafts";

/**
 * Golden cases: a brief, a format and what the draft made from it must satisfy. The same schemas
 * validate the case form, the API body and stored cases. Evaluation lives in
 * `server/features/evals/assertions`; the server adds a ReDoS check on regex patterns that needs
 * a Node-only analyser (`server/features/evals/regex.ts`), so this module stays isomorphic.
 */

export const ASSERTION_KINDS = [
  "contains",
  "not_contains",
  "regex",
  "max_length",
  "governor_pass",
  "no_unsupported_facts",
  "jsonld_valid",
  "grounding_min",
  "judge_min",
] as const;
export const AssertionKind = z.enum(ASSERTION_KINDS);
export type AssertionKind = z.infer<typeof AssertionKind>;

// ---- content field paths ------------------------------------------------------------------------

/**
 * The text fields of each format, as the channel modules' `fields()` name them (with `[*]` for
 * any index). A test checks this table against `contentFields` on full content of every format.
 */
export const CONTENT_FIELD_PATTERNS: Record<DraftFormat, readonly string[]> = {
  google_rsa: ["headlines[*].text", "descriptions[*].text", "path1", "path2"],
  meta_ad: ["variants[*].primaryText", "variants[*].headline", "variants[*].description"],
  email: ["subject", "preheader", "paragraphs[*]", "cta.label"],
  seo_page: [
    "title",
    "metaDescription",
    "h1",
    "intro",
    "sections[*].heading",
    "sections[*].body",
    "faq[*].question",
    "faq[*].answer",
  ],
};

const FIELD_SYNTAX = /^[A-Za-z][A-Za-z0-9]*(?:\[(?:\d+|\*)\])?(?:\.[A-Za-z][A-Za-z0-9]*(?:\[(?:\d+|\*)\])?)*$/;

/**
 * Whether a field (as written in an assertion) covers a concrete path such as `headlines[3].text`:
 * `[*]` stands for any index, and a field covers everything under it (`headlines` covers every
 * `headlines[i].text`, `variants[0]` every text of the first variant).
 */
export function fieldMatcher(field: string): (path: string) => boolean {
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\[\\\*\\\]/g, "\\[\\d+\\]");
  const re = new RegExp(`^${escaped}(?=$|[.[])`);
  return (path) => re.test(path);
}

/** Whether the field names text that a draft of this format can have (even if this draft's list is empty). */
export function fieldExists(format: DraftFormat, field: string): boolean {
  const covers = fieldMatcher(field);
  // `headlines[3].text` exists when `headlines[*].text` does; so do `headlines` and `headlines[*]`.
  const at = `[${indexIn(field)}]`;
  return CONTENT_FIELD_PATTERNS[format].some((p) => covers(p.replace(/\[\*\]/g, at)));
}

/** The first concrete index in a field (so `headlines[7].text` is checked against `headlines[7]`), or 0. */
function indexIn(field: string): number {
  const m = /\[(\d+)\]/.exec(field);
  return m ? Number(m[1]) : 0;
}

export function unknownFieldMessage(format: DraftFormat, field: string): string {
  return `The field "${field}" does not exist in a ${FORMAT_LABELS[format]}; use one of ${CONTENT_FIELD_PATTERNS[format].join(", ")}.`;
}

const FieldPath = z
  .string()
  .trim()
  .min(1, "Name a field or leave it empty for all text")
  .max(120)
  .regex(FIELD_SYNTAX, "Use a content field path such as subject or headlines[*].text");

// ---- assertions ---------------------------------------------------------------------------------

const Label = z.string().trim().min(1).max(200).optional();

export const REGEX_FLAGS = "imsu";

/** Compiles a pattern; the message says why it is refused (shared by the schema and the evaluator). */
export function compilePattern(
  pattern: string,
  flags: string,
): { ok: true; re: RegExp } | { ok: false; message: string } {
  try {
    return { ok: true, re: new RegExp(pattern, flags) };
  } catch (e) {
    // V8 says "Invalid regular expression: /<pattern>/<flags>: <reason>"; keep the reason.
    const raw = e instanceof Error ? e.message : String(e);
    const prefix = `Invalid regular expression: /${pattern}/${flags}: `;
    const why = raw.startsWith(prefix) ? raw.slice(prefix.length) : raw.replace(/^Invalid regular expression: /, "");
    return { ok: false, message: `The pattern ${JSON.stringify(pattern)} is not a valid regular expression: ${why}` };
  }
}

export const ContainsAssertion = z.object({
  kind: z.literal("contains"),
  label: Label,
  /** A content field path (`subject`, `headlines[*].text`); omitted = all text of the draft. */
  field: FieldPath.optional(),
  text: z.string().trim().min(1, "Enter the text to look for").max(500),
  caseSensitive: z.boolean().default(false),
});
export const NotContainsAssertion = ContainsAssertion.extend({ kind: z.literal("not_contains") });

export const RegexAssertion = z
  .object({
    kind: z.literal("regex"),
    label: Label,
    field: FieldPath.optional(),
    pattern: z.string().min(1, "Enter a pattern").max(500),
    flags: z
      .string()
      .regex(/^[imsu]*$/, `Use only the flags ${REGEX_FLAGS.split("").join(", ")}`)
      .refine((f) => new Set(f).size === f.length, "Use each flag once")
      .default(""),
    /** true: some text must match; false: no text may match. */
    mustMatch: z.boolean().default(true),
  })
  .superRefine((a, ctx) => {
    if (!/^[imsu]*$/.test(a.flags) || new Set(a.flags).size !== a.flags.length) return;
    const r = compilePattern(a.pattern, a.flags);
    if (!r.ok) ctx.addIssue({ code: "custom", path: ["pattern"], message: r.message });
  });

export const MaxLengthAssertion = z.object({
  kind: z.literal("max_length"),
  label: Label,
  /** For a list field (`headlines[*].text`) every item must fit. */
  field: FieldPath,
  max: z.number().int().min(1).max(100_000),
});

export const GovernorPassAssertion = z.object({ kind: z.literal("governor_pass"), label: Label });
export const NoUnsupportedFactsAssertion = z.object({ kind: z.literal("no_unsupported_facts"), label: Label });
export const JsonLdValidAssertion = z.object({ kind: z.literal("jsonld_valid"), label: Label });
export const GroundingMinAssertion = z.object({
  kind: z.literal("grounding_min"),
  label: Label,
  /** Share of factual sentences supported by the knowledge base, 0–1. */
  min: z.number().min(0).max(1),
});
export const JudgeMinAssertion = z.object({
  kind: z.literal("judge_min"),
  label: Label,
  rubric: z.string().trim().min(10, "Describe what the judge should score in at least a sentence").max(2000),
  /** The judge's score is 0–1. */
  min: z.number().min(0).max(1),
});

export const Assertion = z.discriminatedUnion("kind", [
  ContainsAssertion,
  NotContainsAssertion,
  RegexAssertion,
  MaxLengthAssertion,
  GovernorPassAssertion,
  NoUnsupportedFactsAssertion,
  JsonLdValidAssertion,
  GroundingMinAssertion,
  JudgeMinAssertion,
]);
export type Assertion = z.infer<typeof Assertion>;
export type AssertionInput = z.input<typeof Assertion>;
export type AssertionOf<K extends AssertionKind> = Extract<Assertion, { kind: K }>;

const pct = (n: number) => `${Math.round(n * 100)}%`;
const where = (field: string | undefined) => (field ? ` in ${field}` : "");

/** The label a list shows when the author gave none. */
export function assertionLabel(a: Assertion): string {
  if (a.label) return a.label;
  switch (a.kind) {
    case "contains":
      return `Contains “${a.text}”${where(a.field)}`;
    case "not_contains":
      return `Does not contain “${a.text}”${where(a.field)}`;
    case "regex":
      return `${a.mustMatch ? "Matches" : "Does not match"} /${a.pattern}/${a.flags}${where(a.field)}`;
    case "max_length":
      return `${a.field} at most ${a.max} characters`;
    case "governor_pass":
      return "Style governor passes";
    case "no_unsupported_facts":
      return "No unsupported facts";
    case "jsonld_valid":
      return "JSON-LD is valid";
    case "grounding_min":
      return `Grounding score at least ${pct(a.min)}`;
    case "judge_min":
      return `Judge scores at least ${pct(a.min)}: ${a.rubric.length > 60 ? `${a.rubric.slice(0, 59)}…` : a.rubric}`;
    default: {
      const _exhaustive: never = a;
      return _exhaustive;
    }
  }
}

// ---- golden cases -------------------------------------------------------------------------------

const CaseFields = {
  brief: z.string().trim().min(10, "Describe what to write in at least a sentence").max(5000),
  format: DraftFormat,
  expectations: z.array(Assertion).min(1, "Add at least one expectation").max(50, "At most 50 expectations per case"),
};

/** Every field an expectation names must exist in the case's format. */
function fieldsExist(c: { format: DraftFormat; expectations: Assertion[] }, ctx: z.RefinementCtx) {
  c.expectations.forEach((a, i) => {
    if ("field" in a && a.field !== undefined && !fieldExists(c.format, a.field)) {
      ctx.addIssue({
        code: "custom",
        path: ["expectations", i, "field"],
        message: unknownFieldMessage(c.format, a.field),
      });
    }
    if (a.kind === "jsonld_valid" && c.format !== "seo_page") {
      ctx.addIssue({
        code: "custom",
        path: ["expectations", i, "kind"],
        message: `JSON-LD is checked on SEO pages only; this case is a ${FORMAT_LABELS[c.format]}.`,
      });
    }
  });
}

export const GoldenCase = z.object(CaseFields).superRefine(fieldsExist);
export type GoldenCase = z.infer<typeof GoldenCase>;

/** What the case form and `POST …/golden-sets/:id/cases` send. */
export const GoldenCaseBody = z
  .object({ name: z.string().trim().min(1, "Name the case").max(120), ...CaseFields })
  .superRefine(fieldsExist);
export type GoldenCaseBody = z.input<typeof GoldenCaseBody>;

// ---- results ------------------------------------------------------------------------------------

export const ASSERTION_STATUSES = ["pass", "fail", "skipped", "error"] as const;
export const AssertionStatus = z.enum(ASSERTION_STATUSES);
export type AssertionStatus = z.infer<typeof AssertionStatus>;

export const Evidence = z.object({
  /** The content field it was found in, or null for the draft as a whole. */
  field: z.string().nullable(),
  excerpt: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

export const AssertionResult = z.object({
  kind: AssertionKind,
  label: z.string(),
  status: AssertionStatus,
  /** What was expected and what was found. */
  message: z.string(),
  evidence: z.array(Evidence).optional(),
});
export type AssertionResult = z.infer<typeof AssertionResult>;

export const CaseResult = z.object({
  /** pass: no assertion failed or errored (skipped ones don't count); fail: one failed; error: none failed, one errored. */
  status: z.enum(["pass", "fail", "error"]),
  passed: z.boolean(),
  counts: z.record(AssertionStatus, z.number().int()),
  results: z.array(AssertionResult),
});
export type CaseResult = z.infer<typeof CaseResult>;
