/** Shared types of the style engine. Field names of `Alert` follow Vale's JSON output exactly. */

export const SEVERITIES = ["suggestion", "warning", "error"] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export type DocumentFormat = "markdown" | "html" | "text";

/** An action attached to a rule (Vale's `action:` key). */
export interface AlertAction {
  Name: string;
  /** `null` when the rule has no parameters, as Vale prints it. */
  Params: string[] | null;
}

/** One finding, in Vale's JSON shape plus absolute offsets into the linted source. */
export interface Alert {
  Action: AlertAction;
  /** 1-based, inclusive start and end columns on `Line`, counted in Unicode code points like Vale. */
  Span: [number, number];
  Check: string;
  Description: string;
  Link: string;
  Message: string;
  Severity: Severity;
  Match: string;
  /** 1-based line of the start of the match. */
  Line: number;
  /** Absolute start offset into the source string (UTF-16 code units, i.e. JS string index). */
  start: number;
  /** Absolute end offset (exclusive) into the source string. */
  end: number;
}

export type DiagnosticKind = "config" | "rule" | "unsupported" | "input" | "timeout" | "runtime";

/** A problem with configuration, a rule file, or the input — never a style finding. */
export interface Diagnostic {
  kind: DiagnosticKind;
  severity: "error" | "warning";
  message: string;
  /** File the problem is in (rule YAML, .vale.ini, vocabulary or input document). */
  file?: string;
  /** 1-based line in `file`, when known. */
  line?: number;
  /** Offending field (YAML key or ini key), when known. */
  field?: string;
  /** Rule name (`Style.Rule`) concerned, when known. */
  rule?: string;
}

export interface LintOutput {
  alerts: Alert[];
  /** Diagnostics of severity `error` (bad rules, timed-out rules, bad input). */
  errors: Diagnostic[];
  /** Diagnostics of severity `warning` (unsupported rule types and such). */
  warnings: Diagnostic[];
}

/** The result for one file, as consumed by the formatters. */
export interface FileResult extends LintOutput {
  path: string;
}
