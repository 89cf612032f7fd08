/**
 * The governed generation loop for one draft: lint → apply the deterministic fixes → while
 * error-level alerts remain, ask the `revise` role to fix exactly those (bounded rounds) →
 * verdict. A revision that scores worse than what it replaced is discarded, so a weak model
 * can never make a draft worse.
 */
import type { CheckResult, GovernorAlert } from "@/lib/schemas/brand";
import { governText, type ActiveVoice } from "./service";

export type Reviser = (text: string, alerts: GovernorAlert[]) => Promise<string>;

export type LoopStep =
  | { kind: "lint"; score: number; errors: number; alerts: number }
  | { kind: "autofix"; applied: number }
  | { kind: "revise"; round: number; accepted: boolean; score: number; errors: number; reason?: string };

export type LoopResult = { text: string; result: CheckResult; steps: LoopStep[] };

/**
 * Applies fixes that do not overlap (of overlapping ones, the earliest, then the longest wins),
 * from the end backwards so earlier offsets stay valid.
 */
export function applyAlertFixes(text: string, alerts: readonly GovernorAlert[]): { text: string; applied: number } {
  const chosen: GovernorAlert[] = [];
  let lastEnd = -1;
  for (const a of alerts
    .filter((x) => x.fix !== null && x.end > x.start)
    .sort((x, y) => x.start - y.start || y.end - x.end)) {
    if (a.start < lastEnd) continue;
    chosen.push(a);
    lastEnd = a.end;
  }
  let out = text;
  for (const a of chosen.reverse())
    out = out.slice(0, a.start) + keepCase(a.fix!, out.slice(a.start, a.end)) + out.slice(a.end);
  return { text: out, applied: chosen.length };
}

/** "Cheap" → "Good value" at a sentence start; otherwise the fix as written. */
function keepCase(fix: string, matched: string): string {
  if (!fix) return fix;
  const first = matched[0] ?? "";
  const lowerFix = fix[0] === fix[0]?.toLowerCase();
  return first !== first.toLowerCase() && lowerFix && matched !== matched.toUpperCase()
    ? fix[0]!.toUpperCase() + fix.slice(1)
    : fix;
}

const errorsOf = (r: CheckResult) => r.alerts.filter((a) => a.level === "error");

export async function governDraft(
  active: ActiveVoice,
  input: { text: string; channel: "ad" | "email" | "seo_page"; format?: "markdown" | "text" },
  revise: Reviser | null,
): Promise<LoopResult> {
  const steps: LoopStep[] = [];
  const check = (text: string) => governText(active, { ...input, text });
  let text = input.text;
  let result = check(text);
  steps.push({
    kind: "lint",
    score: result.score.total,
    errors: errorsOf(result).length,
    alerts: result.alerts.length,
  });

  const autofix = () => {
    const fixed = applyAlertFixes(text, result.alerts);
    if (fixed.applied === 0) return;
    const next = check(fixed.text);
    steps.push({ kind: "autofix", applied: fixed.applied });
    text = fixed.text;
    result = next;
  };
  autofix();

  for (let round = 1; revise && round <= active.policy.maxReviseRounds && errorsOf(result).length; round++) {
    let candidate: string;
    try {
      candidate = await revise(text, errorsOf(result));
    } catch (e) {
      steps.push({
        kind: "revise",
        round,
        accepted: false,
        score: result.score.total,
        errors: errorsOf(result).length,
        reason: `The revise model failed: ${(e as Error).message}`,
      });
      break;
    }
    const next = check(candidate);
    const better =
      candidate.trim().length > 0 &&
      (errorsOf(next).length < errorsOf(result).length ||
        (errorsOf(next).length === errorsOf(result).length && next.score.total > result.score.total));
    steps.push({
      kind: "revise",
      round,
      accepted: better,
      score: next.score.total,
      errors: errorsOf(next).length,
      ...(better ? {} : { reason: "The revision did not reduce the problems; kept the previous text." }),
    });
    if (!better) break;
    text = candidate;
    result = next;
    autofix();
  }
  return { text, result, steps };
}
