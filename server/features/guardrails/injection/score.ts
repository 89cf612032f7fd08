/**
 * Combining signal weights into one 0–1 score.
 *
 * Within a kind, repeated hits add little (noisy-OR, but at most 0.1 above the strongest hit), so
 * one phrase pasted fifty times is not fifty times as suspicious. Across kinds the evidence is
 * independent-ish and combines by noisy-OR: 1 − Π(1 − kind score). Character statistics are capped
 * at 0.3 in total; they only tip a text over together with something else.
 */
import type { InjectionSignal, InjectionSignalKind } from "@/lib/schemas/guardrails";

/** Suggested default quarantine threshold (see the evaluation in ../eval). */
export const DEFAULT_INJECTION_THRESHOLD = 0.5;

const KIND_CAP: Partial<Record<InjectionSignalKind, number>> = { char_stats: 0.3 };
const REPEAT_BONUS = 0.1;

export function kindScores(signals: readonly InjectionSignal[]): Map<InjectionSignalKind, number> {
  const byKind = new Map<InjectionSignalKind, number[]>();
  for (const s of signals) {
    const w = Math.min(1, Math.max(0, s.weight));
    byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), w]);
  }
  const out = new Map<InjectionSignalKind, number>();
  for (const [kind, weights] of byKind) {
    const max = Math.max(...weights);
    const noisy = 1 - weights.reduce((keep, w) => keep * (1 - w), 1);
    out.set(kind, Math.min(noisy, max + REPEAT_BONUS, KIND_CAP[kind] ?? 1));
  }
  return out;
}

export function combineScore(signals: readonly InjectionSignal[]): number {
  let keep = 1;
  for (const k of kindScores(signals).values()) keep *= 1 - k;
  return Math.round((1 - keep) * 1000) / 1000;
}
