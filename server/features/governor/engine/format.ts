import { describeDiagnostic } from "./errors";
import type { Alert, FileResult } from "./types";

function byPath(results: readonly FileResult[]): FileResult[] {
  return [...results].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Vale's `--output=line`: `path:line:col:Style.Rule:message`, one alert per line. */
export function formatLine(results: readonly FileResult[]): string {
  const out: string[] = [];
  for (const r of byPath(results)) {
    for (const a of r.alerts) out.push(`${r.path}:${a.Line}:${a.Span[0]}:${a.Check}:${a.Message}`);
  }
  return out.length > 0 ? `${out.join("\n")}\n` : "";
}

/** The alert as Vale's JSON prints it (same keys, same order; no offsets). */
function valeJson(a: Alert) {
  return {
    Action: { Name: a.Action.Name, Params: a.Action.Params },
    Span: a.Span,
    Check: a.Check,
    Description: a.Description,
    Link: a.Link,
    Message: a.Message,
    Severity: a.Severity,
    Match: a.Match,
    Line: a.Line,
  };
}

/** Vale's `--output=JSON`: an object keyed by file path; files without alerts are omitted. */
export function formatJson(results: readonly FileResult[]): string {
  const obj: Record<string, ReturnType<typeof valeJson>[]> = {};
  for (const r of byPath(results)) if (r.alerts.length > 0) obj[r.path] = r.alerts.map(valeJson);
  return JSON.stringify(obj, null, 2);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Human-readable output, grouped by file, with Vale's summary line. */
export function formatCli(results: readonly FileResult[]): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let suggestions = 0;
  for (const r of byPath(results)) {
    if (r.alerts.length === 0) continue;
    lines.push("", ` ${r.path}`);
    const pos = r.alerts.map((a) => `${a.Line}:${a.Span[0]}`);
    const posW = Math.max(...pos.map((p) => p.length));
    const msgW = Math.min(80, Math.max(...r.alerts.map((a) => a.Message.length)));
    r.alerts.forEach((a, i) => {
      if (a.Severity === "error") errors++;
      else if (a.Severity === "warning") warnings++;
      else suggestions++;
      lines.push(` ${pos[i]!.padEnd(posW)}  ${a.Severity.padEnd(10)}  ${a.Message.padEnd(msgW)}  ${a.Check}`);
    });
  }
  const diags = new Map<string, string>();
  for (const r of results) {
    for (const d of [...r.errors, ...r.warnings]) {
      const text = `${d.severity}: ${describeDiagnostic(d)}`;
      diags.set(text, text);
    }
  }
  if (diags.size > 0) lines.push("", ...[...diags.values()].map((d) => ` ${d}`));
  const mark = errors > 0 ? "\u2716" : "\u2714";
  lines.push(
    "",
    `${mark} ${plural(errors, "error")}, ${plural(warnings, "warning")} and ${plural(suggestions, "suggestion")} in ${plural(results.length, "file")}.`,
  );
  return `${lines.join("\n")}\n`;
}

/**
 * Exit code for a lint run: 1 if any error-level alert (or a file that could not be read),
 * else 0. Configuration errors (`ConfigError`, exit 2) are the CLI's to map.
 */
export function exitCodeFor(results: readonly FileResult[]): 0 | 1 {
  for (const r of results) {
    if (r.alerts.some((a) => a.Severity === "error")) return 1;
    if (r.errors.some((e) => e.kind === "input")) return 1;
  }
  return 0;
}
