/**
 * The golden-case assertion engine: one assertion against what a draft run produced → a result
 * that says what was expected and what was found. Pure apart from the optional judge; never
 * throws for bad input (an unknown field, an unsafe pattern, a missing report) but returns
 * `error` with the reason, so one bad expectation does not sink an eval run.
 */
import {
  assertionLabel,
  fieldExists,
  fieldMatcher,
  unknownFieldMessage,
  type Assertion,
  type AssertionOf,
  type AssertionResult,
  type AssertionStatus,
  type CaseResult,
  type Evidence,
  type GoldenCase,
} from "@/lib/schemas/evals";
import { FORMAT_LABELS, type DraftContent, type DraftFormat, type DraftRecord } from "@/lib/schemas/drafts";
import { charLength, contentFields, displayLength, type ContentField } from "@/server/features/generation/channels";
import { checkPattern } from "../regex";

/** What a draft run produces, as the assertions see it. */
export type EvalSubject = { content: DraftContent; record: DraftRecord };

/** A judge-role model scoring the draft against a rubric, 0–1. Only passed when a real model is configured. */
export type Judge = (input: {
  rubric: string;
  format: DraftFormat;
  fields: ContentField[];
}) => Promise<{ score: number; rationale: string }>;

export type EvalOptions = { judge?: Judge };

export const JUDGE_SKIPPED_REASON = "needs a real model; the offline engine is not a judge";

const quote = (s: string) => `“${s}”`;
const pct = (n: number) => `${Math.round(n * 100)}%`;
const MAX_EVIDENCE = 10;

/** Length as the channel counts it: Google Ads counts double-width characters twice (SPEC.md), others count code points. */
function lengthIn(format: DraftFormat, text: string): number {
  return format === "google_rsa" ? displayLength(text) : charLength(text);
}

/** A few words either side of a match, so evidence reads in context. */
function excerpt(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 30);
  const to = Math.min(text.length, end + 30);
  return `${from > 0 ? "…" : ""}${text.slice(from, to)}${to < text.length ? "…" : ""}`;
}

type Resolved = { ok: true; fields: ContentField[]; scope: string } | { ok: false; message: string };

/** The fields an assertion looks at; `field` omitted = every text of the draft. */
function resolve(content: DraftContent, field: string | undefined): Resolved {
  const all = contentFields(content);
  if (field === undefined) return { ok: true, fields: all, scope: "the draft" };
  if (!fieldExists(content.format, field)) return { ok: false, message: unknownFieldMessage(content.format, field) };
  const covers = fieldMatcher(field);
  return { ok: true, fields: all.filter((f) => covers(f.path)), scope: field };
}

function result(a: Assertion, status: AssertionStatus, message: string, evidence?: Evidence[]): AssertionResult {
  return {
    kind: a.kind,
    label: assertionLabel(a),
    status,
    message,
    ...(evidence && evidence.length ? { evidence: evidence.slice(0, MAX_EVIDENCE) } : {}),
  };
}

function occurrences(text: string, needle: string, caseSensitive: boolean): number[] {
  const hay = caseSensitive ? text : text.toLowerCase();
  const n = caseSensitive ? needle.normalize("NFC") : needle.normalize("NFC").toLowerCase();
  const out: number[] = [];
  for (let i = hay.indexOf(n); i !== -1 && out.length < MAX_EVIDENCE; i = hay.indexOf(n, i + n.length)) out.push(i);
  return out;
}

function contains(a: AssertionOf<"contains"> | AssertionOf<"not_contains">, s: EvalSubject): AssertionResult {
  const r = resolve(s.content, a.field);
  if (!r.ok) return result(a, "error", r.message);
  const hits: Evidence[] = [];
  for (const f of r.fields) {
    const text = f.text.normalize("NFC");
    for (const at of occurrences(text, a.text, a.caseSensitive)) {
      hits.push({ field: f.path, excerpt: excerpt(text, at, at + a.text.length) });
    }
  }
  const found = [...new Set(hits.map((h) => h.field))];
  if (a.kind === "contains") {
    if (found.length) return result(a, "pass", `${quote(a.text)} found in ${found.join(", ")}.`, hits);
    const seen = r.fields.length === 1 ? ` (it reads ${quote((r.fields[0] as ContentField).text)})` : "";
    return result(
      a,
      "fail",
      r.fields.length
        ? `Expected ${quote(a.text)} in ${r.scope}; not found in ${r.fields.length === 1 ? "it" : `any of ${r.fields.length} fields`}${seen}.`
        : `Expected ${quote(a.text)} in ${r.scope}; that field has no text in this draft.`,
    );
  }
  if (found.length)
    return result(a, "fail", `${quote(a.text)} found in ${found.join(", ")}; expected nowhere in ${r.scope}.`, hits);
  return result(a, "pass", `${quote(a.text)} does not appear in ${r.scope} (${r.fields.length} fields checked).`);
}

function regex(a: AssertionOf<"regex">, s: EvalSubject): AssertionResult {
  const pattern = checkPattern(a.pattern, a.flags);
  if (!pattern.ok) return result(a, "error", pattern.message);
  const r = resolve(s.content, a.field);
  if (!r.ok) return result(a, "error", r.message);
  const shown = `/${a.pattern}/${a.flags}`;
  const hits: Evidence[] = [];
  for (const f of r.fields) {
    const m = pattern.re.exec(f.text);
    if (m) hits.push({ field: f.path, excerpt: excerpt(f.text, m.index, m.index + m[0].length) });
  }
  if (a.mustMatch) {
    if (hits.length) return result(a, "pass", `${shown} matches in ${hits.map((h) => h.field).join(", ")}.`, hits);
    return result(
      a,
      "fail",
      r.fields.length
        ? `Expected ${shown} to match in ${r.scope}; none of ${r.fields.length} fields matches.`
        : `Expected ${shown} to match in ${r.scope}; that field has no text in this draft.`,
    );
  }
  if (hits.length) {
    return result(
      a,
      "fail",
      `${shown} matches in ${hits.map((h) => h.field).join(", ")}; expected no match in ${r.scope}.`,
      hits,
    );
  }
  return result(a, "pass", `${shown} matches nowhere in ${r.scope} (${r.fields.length} fields checked).`);
}

function maxLength(a: AssertionOf<"max_length">, s: EvalSubject): AssertionResult {
  const r = resolve(s.content, a.field);
  if (!r.ok) return result(a, "error", r.message);
  if (!r.fields.length)
    return result(a, "pass", `${a.field} has no text in this draft; at most ${a.max} characters allowed.`);
  const measured = r.fields.map((f) => ({ f, n: lengthIn(s.content.format, f.text) }));
  const over = measured.filter((m) => m.n > a.max);
  if (!over.length) {
    const longest = measured.reduce((x, y) => (y.n > x.n ? y : x));
    return result(a, "pass", `Longest is ${longest.f.path} at ${longest.n} characters; at most ${a.max} allowed.`);
  }
  const evidence = over.map((m) => ({ field: m.f.path, excerpt: m.f.text }));
  if (over.length === 1 && measured.length === 1) {
    const only = over[0] as (typeof over)[number];
    return result(a, "fail", `${only.f.path} is ${only.n} characters; at most ${a.max} allowed.`, evidence);
  }
  const list = over.map((m) => `${m.f.path} is ${m.n}`).join(", ");
  return result(
    a,
    "fail",
    `${over.length} of ${measured.length} texts are too long (${list}); at most ${a.max} characters allowed.`,
    evidence,
  );
}

function governorPass(a: AssertionOf<"governor_pass">, s: EvalSubject): AssertionResult {
  const g = s.record.governance;
  const errors = s.record.flags.filter((f) => f.kind === "governor" && f.level === "error");
  const evidence = errors.map((f) => ({ field: f.field, excerpt: `${f.ruleId ?? "governor"}: ${f.message}` }));
  if (g.verdict === "pass") return result(a, "pass", `The governor's verdict is pass (score ${g.score.total}).`);
  const rules = [...new Set(errors.map((f) => f.ruleId).filter((x): x is string => !!x))];
  return result(
    a,
    "fail",
    `Expected the governor's verdict to be pass; it is needs_review (score ${g.score.total}${
      rules.length ? `; errors from ${rules.join(", ")}` : ""
    }).`,
    evidence,
  );
}

function noUnsupportedFacts(a: AssertionOf<"no_unsupported_facts">, s: EvalSubject): AssertionResult {
  const flagged = s.record.flags.filter((f) => f.kind === "unsupported_claim");
  const sentences = s.record.grounding?.sentences.filter((x) => x.factual && x.supported === false) ?? [];
  if (!s.record.grounding && !flagged.length) {
    return result(a, "error", "The grounding check did not run for this draft, so its facts cannot be checked.");
  }
  const evidence: Evidence[] = flagged.length
    ? flagged.map((f) => ({ field: f.field, excerpt: f.message }))
    : sentences.map((x) => ({ field: null, excerpt: x.text }));
  const n = Math.max(flagged.length, sentences.length);
  if (!n) {
    const g = s.record.grounding;
    return result(
      a,
      "pass",
      `Every factual sentence is supported${g ? ` (${g.supportedCount} of ${g.factualCount})` : ""}.`,
    );
  }
  return result(
    a,
    "fail",
    `Expected no unsupported facts; found ${n} unsupported ${n === 1 ? "sentence" : "sentences"}.`,
    evidence,
  );
}

function jsonLdValid(a: AssertionOf<"jsonld_valid">, s: EvalSubject): AssertionResult {
  if (s.content.format !== "seo_page") {
    return result(
      a,
      "error",
      `JSON-LD is checked on SEO pages only; this draft is a ${FORMAT_LABELS[s.content.format]}.`,
    );
  }
  const report = s.record.jsonLd;
  if (!report) return result(a, "error", "The draft has no JSON-LD validation report.");
  const errors = report.findings.filter((f) => f.severity === "error");
  if (report.valid && report.errorCount === 0) {
    return result(a, "pass", `The ${report.type} JSON-LD is valid (${report.warningCount} warnings).`);
  }
  return result(
    a,
    "fail",
    `Expected valid JSON-LD; the ${report.type} JSON-LD has ${report.errorCount} ${report.errorCount === 1 ? "error" : "errors"}${
      errors[0] ? `, first: ${errors[0].message}` : ""
    }.`,
    errors.map((f) => ({ field: f.path, excerpt: `${f.rule}: ${f.message}` })),
  );
}

function groundingMin(a: AssertionOf<"grounding_min">, s: EvalSubject): AssertionResult {
  const g = s.record.grounding;
  if (!g) return result(a, "error", "The grounding check did not run for this draft, so it has no grounding score.");
  const detail = `${g.supportedCount} of ${g.factualCount} factual sentences supported`;
  if (g.score >= a.min)
    return result(a, "pass", `Grounding score is ${pct(g.score)} (${detail}); at least ${pct(a.min)} required.`);
  return result(a, "fail", `Grounding score is ${pct(g.score)} (${detail}); at least ${pct(a.min)} required.`);
}

async function judgeMin(
  a: AssertionOf<"judge_min">,
  s: EvalSubject,
  judge: Judge | undefined,
): Promise<AssertionResult> {
  if (!judge) return result(a, "skipped", `Skipped: ${JUDGE_SKIPPED_REASON}.`);
  let verdict: { score: number; rationale: string };
  try {
    verdict = await judge({ rubric: a.rubric, format: s.content.format, fields: contentFields(s.content) });
  } catch (e) {
    return result(a, "error", `The judge did not answer: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!Number.isFinite(verdict.score) || verdict.score < 0 || verdict.score > 1) {
    return result(a, "error", `The judge returned ${String(verdict.score)}; expected a score from 0 to 1.`);
  }
  const evidence = verdict.rationale ? [{ field: null, excerpt: verdict.rationale }] : undefined;
  const msg = `The judge scored ${pct(verdict.score)}; at least ${pct(a.min)} required.`;
  return result(a, verdict.score >= a.min ? "pass" : "fail", msg, evidence);
}

/** Evaluates one assertion; never throws. */
export async function evaluate(a: Assertion, subject: EvalSubject, opts: EvalOptions = {}): Promise<AssertionResult> {
  try {
    switch (a.kind) {
      case "contains":
      case "not_contains":
        return contains(a, subject);
      case "regex":
        return regex(a, subject);
      case "max_length":
        return maxLength(a, subject);
      case "governor_pass":
        return governorPass(a, subject);
      case "no_unsupported_facts":
        return noUnsupportedFacts(a, subject);
      case "jsonld_valid":
        return jsonLdValid(a, subject);
      case "grounding_min":
        return groundingMin(a, subject);
      case "judge_min":
        return await judgeMin(a, subject, opts.judge);
      default: {
        const _exhaustive: never = a;
        return _exhaustive;
      }
    }
  } catch (e) {
    // A malformed stored subject must not stop the run; the message is internal but not secret.
    return result(a, "error", `The assertion could not be evaluated: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Every expectation of a case against one draft; the case passes when none fails or errors. */
export async function evaluateCase(
  c: Pick<GoldenCase, "format" | "expectations">,
  subject: EvalSubject,
  opts: EvalOptions = {},
): Promise<CaseResult> {
  const results: AssertionResult[] =
    c.format !== subject.content.format
      ? c.expectations.map((a) => ({
          kind: a.kind,
          label: assertionLabel(a),
          status: "error" as const,
          message: `The case is for a ${FORMAT_LABELS[c.format]} but the draft is a ${FORMAT_LABELS[subject.content.format]}.`,
        }))
      : await Promise.all(c.expectations.map((a) => evaluate(a, subject, opts)));
  const counts: Record<AssertionStatus, number> = { pass: 0, fail: 0, skipped: 0, error: 0 };
  for (const r of results) counts[r.status]++;
  const status = counts.fail ? "fail" : counts.error ? "error" : "pass";
  return { status, passed: status === "pass", counts, results };
}
