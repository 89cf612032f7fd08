/**
 * Regex expectations run on generated text, but authors write them, so a pattern is refused
 * before it is stored or run when it is not valid or could backtrack exponentially (ReDoS).
 * The analysis is the governor's: its parser marks patterns whose structure can backtrack badly
 * (a repetition around repetitions or alternations) and `recheck` decides those, cached per
 * pattern. Unparseable-by-the-governor patterns go straight to recheck.
 */
import { z } from "zod";
import { GoldenCase, GoldenCaseBody, compilePattern } from "@/lib/schemas/evals";
import { checkBacktracking } from "@/server/features/governor/engine/regex/safety";
import { translate } from "@/server/features/governor/engine/regex/translate";

export type PatternCheck = { ok: true; re: RegExp } | { ok: false; message: string };

export function checkPattern(pattern: string, flags: string): PatternCheck {
  const compiled = compilePattern(pattern, flags);
  if (!compiled.ok) return compiled;
  let suspicious = true;
  try {
    suspicious = translate(pattern, { ignoreCase: flags.includes("i") }).suspicious;
  } catch {
    // The governor's dialect differs from JavaScript's in places; let recheck decide.
  }
  const verdict = checkBacktracking(pattern, flags, suspicious);
  if (!verdict.ok) {
    return {
      ok: false,
      message: `The pattern ${JSON.stringify(pattern)} can backtrack exponentially on some texts (catastrophic backtracking); rewrite it without a repetition inside a repetition, e.g. (a+)+ → a+.`,
    };
  }
  return compiled;
}

function safePatterns(
  c: { expectations: Array<{ kind: string; pattern?: string; flags?: string }> },
  ctx: z.RefinementCtx,
) {
  c.expectations.forEach((a, i) => {
    if (a.kind !== "regex" || a.pattern === undefined) return;
    // An invalid pattern is already reported by the base schema; only add the ReDoS verdict.
    if (!compilePattern(a.pattern, a.flags ?? "").ok) return;
    const r = checkPattern(a.pattern, a.flags ?? "");
    if (!r.ok) ctx.addIssue({ code: "custom", path: ["expectations", i, "pattern"], message: r.message });
  });
}

/** GoldenCaseBody plus the ReDoS check: what routes and server actions parse. */
export const SafeGoldenCaseBody = GoldenCaseBody.superRefine(safePatterns);
/** GoldenCase plus the ReDoS check. */
export const SafeGoldenCase = GoldenCase.superRefine(safePatterns);
