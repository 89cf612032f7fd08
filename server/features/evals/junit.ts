/**
 * An eval run as JUnit XML, for CI systems that show test reports (GitLab, Jenkins, GitHub
 * reporters). One `<testsuite>` per run (the golden set), one `<testcase>` per case:
 * `<failure>` when an assertion failed, `<error>` when the case could not be judged (no draft,
 * e.g. a model timeout, or an assertion that could not run). Cases are never `<skipped/>`; an
 * assertion skipped inside a case (a judge rubric without a judge model) is listed in
 * `<system-out>` so the report still says it was not checked.
 *
 * Pure: no I/O. Escaping is written here rather than taken from a library because the rules are
 * short and XML 1.0 forbids some characters outright (even as `&#…;`), which generic escapers miss.
 */
import type { AssertionResult } from "@/lib/schemas/evals";
import type { CaseResultOut, EvalRunDetail } from "@/lib/schemas/golden-sets";

// XML 1.0 `Char` excludes C0 controls other than tab, LF and CR, the surrogate block and U+FFFE/U+FFFF.
// Lone surrogates cannot be written in UTF-8 at all; a well-formed pair (astral plane) is kept.
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A forbidden character becomes visible text (`\u0007`) so the report still shows something was there. */
function replaceForbidden(s: string): string {
  return s.replace(FORBIDDEN, (c) => {
    const code = c.charCodeAt(0);
    return code >= 0xd800 && code <= 0xdfff ? "\uFFFD" : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
  });
}

/** Text content: `>` too, so `]]>` never appears. */
export function escapeXmlText(s: string): string {
  return replaceForbidden(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Attribute values (double-quoted): also quotes, and whitespace as references so parsers keep it (attribute normalisation). */
export function escapeXmlAttr(s: string): string {
  return escapeXmlText(s)
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

const attrs = (a: Record<string, string | number>) =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${escapeXmlAttr(String(v))}"`)
    .join("");

const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

const line = (r: AssertionResult) => `${r.label}: ${r.message}`;

function details(rs: AssertionResult[]): string {
  return rs
    .map((r) => {
      const ev = (r.evidence ?? []).map((e) => `\n    ${e.field ?? "(draft)"}: ${e.excerpt}`).join("");
      return `[${r.status}] ${line(r)}${ev}`;
    })
    .join("\n");
}

function caseXml(setName: string, c: CaseResultOut): string {
  const results = c.result?.results ?? [];
  const of = (status: AssertionResult["status"]) => results.filter((r) => r.status === status);
  const failed = of("fail");
  const errored = of("error");
  const skipped = of("skipped");
  const body: string[] = [];

  if (c.status === "fail") {
    // Errored assertions ride along with the failure: the case's status is already "fail".
    const listed = [...failed, ...errored];
    const message = listed.length ? listed.map(line).join("; ") : (c.error ?? "The case failed");
    body.push(
      `<failure${attrs({ message, type: "assertion" })}>${escapeXmlText(details(listed) || message)}</failure>`,
    );
  } else if (c.status === "error") {
    const message = c.error ?? (errored.length ? errored.map(line).join("; ") : "The case could not be evaluated");
    const type = c.result ? "assertion_error" : "generation_error";
    const text = [c.error, details(errored)].filter(Boolean).join("\n");
    body.push(`<error${attrs({ message, type })}>${escapeXmlText(text || message)}</error>`);
  }
  if (skipped.length) {
    const text = skipped.map((r) => `skipped: ${line(r)}`).join("\n");
    body.push(`<system-out>${escapeXmlText(text)}</system-out>`);
  }

  const open = `<testcase${attrs({ classname: setName, name: c.caseName, time: seconds(c.latencyMs) })}`;
  return body.length ? `${open}>\n      ${body.join("\n      ")}\n    </testcase>` : `${open}/>`;
}

/**
 * The run as a JUnit XML document (UTF-8). Counts come from the case results present.
 * `threshold`: the pass rate that decided the gate when it is not the set's own (`--fail-under`).
 */
export function toJUnitXml(detail: EvalRunDetail, opts: { threshold?: number } = {}): string {
  const rs = detail.results;
  const count = (s: CaseResultOut["status"]) => rs.filter((r) => r.status === s).length;
  const suiteTime = seconds(detail.latencyMs || rs.reduce((n, r) => n + r.latencyMs, 0));
  const counts = {
    tests: rs.length,
    failures: count("fail"),
    errors: count("error"),
    skipped: 0,
    time: suiteTime,
  };
  const threshold = opts.threshold ?? detail.passThreshold;
  const passing =
    opts.threshold === undefined ? detail.passing : detail.passRate === null ? null : detail.passRate >= threshold;
  const properties: [string, string | number][] = [
    ["run.id", detail.id],
    ["run.status", detail.status],
    ["prompt.key", detail.promptKey],
    ["prompt.version", detail.promptVersion],
    ["prompt.label", detail.promptLabel ?? ""],
    // Empty: the workspace's draft route (with its fallbacks) rather than one forced model.
    ["route", detail.route ?? ""],
    ["pass_rate", detail.passRate === null ? "" : detail.passRate.toFixed(4)],
    ["threshold", threshold],
    ["set_threshold", detail.passThreshold],
    ["passing", passing === null ? "" : String(passing)],
    ["cases.total", detail.casesTotal],
    ["cost_micros", detail.costMicros],
  ];
  if (detail.error) properties.push(["run.error", detail.error]);

  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites${attrs({ name: "lectern eval", ...counts })}>`,
    `  <testsuite${attrs({ name: detail.setName, ...counts, timestamp: detail.createdAt.slice(0, 19) })}>`,
    `    <properties>`,
    ...properties.map(([name, value]) => `      <property${attrs({ name, value })}/>`),
    `    </properties>`,
    ...rs.map((c) => `    ${caseXml(detail.setName, c)}`),
    `  </testsuite>`,
    `</testsuites>`,
    ``,
  ].join("\n");
}
