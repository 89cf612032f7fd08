/**
 * The governance score: 100 minus penalties per alert, per category, then a weighted total.
 * Error-level alerts also decide the verdict; the score ranks drafts and feeds the
 * auto-approval policy.
 */
import type { GovernorAlert, GovernorPolicy, Level } from "@/lib/schemas/brand";

export type Category = GovernorAlert["category"];
type Scored = Exclude<Category, "other">;

export const PENALTY: Record<Level, number> = { error: 25, warning: 10, suggestion: 3 };
export const WEIGHTS: Record<Scored, number> = { terminology: 0.3, claims: 0.35, tone: 0.15, channel: 0.2 };

/** Which category a rule id belongs to (imported styles count as tone). */
export function categoryOf(check: string): Category {
  const [style = "", rule = ""] = check.split(".");
  if (style === "Brand") {
    if (/^(Terms|ProductNames|Banned)/.test(rule)) return "terminology";
    if (/^(Claims|Disclaimer)/.test(rule)) return "claims";
    if (/^(ReadingLevel|Person)/.test(rule)) return "tone";
    return "other";
  }
  if (/^Brand(Ad|Email|Seo)$/.test(style)) return rule.startsWith("Disclaimer") ? "claims" : "channel";
  if (style === "Vale") return check === "Vale.Repetition" ? "tone" : "terminology";
  return "tone";
}

export function governanceScore(alerts: readonly Pick<GovernorAlert, "level" | "category">[]) {
  const categories = { terminology: 100, claims: 100, tone: 100, channel: 100 } satisfies Record<Scored, number>;
  for (const a of alerts) {
    const c: Scored = a.category === "other" ? "tone" : a.category;
    categories[c] = Math.max(0, categories[c] - PENALTY[a.level]);
  }
  const total = Math.round((Object.keys(WEIGHTS) as Scored[]).reduce((sum, c) => sum + WEIGHTS[c] * categories[c], 0));
  return { total, categories };
}

export function verdictOf(
  alerts: readonly Pick<GovernorAlert, "level">[],
  score: number,
  policy: GovernorPolicy,
): { verdict: "pass" | "needs_review"; autoApprove: boolean } {
  const blocked = alerts.some((a) => a.level === "error");
  return {
    verdict: blocked ? "needs_review" : "pass",
    autoApprove: !blocked && policy.autoApproveMinScore !== null && score >= policy.autoApproveMinScore,
  };
}
