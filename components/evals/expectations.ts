import { ASSERTION_KINDS, type Assertion, type AssertionInput, type AssertionKind } from "@/lib/schemas/evals";

/** One expectation row of the case form: every kind's inputs as text, so switching kinds keeps what was typed. */
export type ExpectationRow = {
  key: string;
  kind: AssertionKind;
  label: string;
  field: string;
  text: string;
  caseSensitive: boolean;
  pattern: string;
  flags: string;
  mustMatch: boolean;
  max: string;
  min: string;
  rubric: string;
};

export const KIND_LABELS: Record<AssertionKind, string> = {
  contains: "Contains text",
  not_contains: "Does not contain text",
  regex: "Matches a pattern (regex)",
  max_length: "Maximum length",
  governor_pass: "Style governor passes",
  no_unsupported_facts: "No unsupported facts",
  jsonld_valid: "JSON-LD is valid (SEO pages)",
  grounding_min: "Minimum grounding score",
  judge_min: "Minimum judge score (needs a real model)",
};

export const KINDS = ASSERTION_KINDS;

let counter = 0;
function nextKey(): string {
  counter += 1;
  return `exp-${counter}`;
}

export function emptyRow(kind: AssertionKind = "not_contains"): ExpectationRow {
  return {
    key: nextKey(),
    kind,
    label: "",
    field: "",
    text: "",
    caseSensitive: false,
    pattern: "",
    flags: "",
    mustMatch: true,
    max: "",
    min: "0.8",
    rubric: "",
  };
}

export function rowFromAssertion(a: Assertion): ExpectationRow {
  const row = { ...emptyRow(a.kind), label: a.label ?? "" };
  switch (a.kind) {
    case "contains":
    case "not_contains":
      return { ...row, field: a.field ?? "", text: a.text, caseSensitive: a.caseSensitive };
    case "regex":
      return { ...row, field: a.field ?? "", pattern: a.pattern, flags: a.flags, mustMatch: a.mustMatch };
    case "max_length":
      return { ...row, field: a.field, max: String(a.max) };
    case "grounding_min":
      return { ...row, min: String(a.min) };
    case "judge_min":
      return { ...row, min: String(a.min), rubric: a.rubric };
    case "governor_pass":
    case "no_unsupported_facts":
    case "jsonld_valid":
      return row;
    default: {
      const _exhaustive: never = a;
      return _exhaustive;
    }
  }
}

/** A number typed in a text box, or NaN when it is blank or not a number (the form says which). */
function num(text: string): number {
  return text.trim() === "" ? Number.NaN : Number(text);
}

/** The row as the API's assertion input; empty optional fields are left out. */
export function assertionFromRow(r: ExpectationRow): AssertionInput {
  const label = r.label.trim() ? r.label.trim() : undefined;
  const field = r.field.trim() ? r.field.trim() : undefined;
  switch (r.kind) {
    case "contains":
    case "not_contains":
      return { kind: r.kind, label, field, text: r.text, caseSensitive: r.caseSensitive };
    case "regex":
      return { kind: "regex", label, field, pattern: r.pattern, flags: r.flags, mustMatch: r.mustMatch };
    case "max_length":
      return { kind: "max_length", label, field: r.field.trim(), max: num(r.max) };
    case "grounding_min":
      return { kind: "grounding_min", label, min: num(r.min) };
    case "judge_min":
      return { kind: "judge_min", label, rubric: r.rubric, min: num(r.min) };
    case "governor_pass":
    case "no_unsupported_facts":
    case "jsonld_valid":
      return { kind: r.kind, label };
    default: {
      const _exhaustive: never = r.kind;
      return _exhaustive;
    }
  }
}

/** Friendlier messages than zod's "expected number, received NaN" for the number inputs. */
export function numberErrors(rows: ExpectationRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  rows.forEach((r, i) => {
    if (r.kind === "max_length" && !Number.isInteger(num(r.max)))
      out[`expectations.${i}.max`] = "Enter a whole number of characters";
    if ((r.kind === "grounding_min" || r.kind === "judge_min") && Number.isNaN(num(r.min)))
      out[`expectations.${i}.min`] = "Enter a number between 0 and 1, e.g. 0.8";
  });
  return out;
}

/** The props each kind shows, in form order (used to focus the first error). */
export function propsOf(kind: AssertionKind): (keyof ExpectationRow)[] {
  switch (kind) {
    case "contains":
    case "not_contains":
      return ["kind", "text", "field", "caseSensitive", "label"];
    case "regex":
      return ["kind", "pattern", "flags", "mustMatch", "field", "label"];
    case "max_length":
      return ["kind", "field", "max", "label"];
    case "grounding_min":
      return ["kind", "min", "label"];
    case "judge_min":
      return ["kind", "rubric", "min", "label"];
    case "governor_pass":
    case "no_unsupported_facts":
    case "jsonld_valid":
      return ["kind", "label"];
    default: {
      const _exhaustive: never = kind;
      return _exhaustive;
    }
  }
}
