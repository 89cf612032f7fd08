/** Building injection signals: bounded excerpt text, rounded weights, per-kind caps. */
import type { InjectionSignal, InjectionSignalKind } from "@/lib/schemas/guardrails";

export const MAX_SIGNAL_TEXT = 200;
/** No kind reports more than this many signals; a 5 MB paste of one phrase stays a short list. */
export const MAX_SIGNALS_PER_KIND = 25;

export function makeSignal(
  kind: InjectionSignalKind,
  original: string,
  start: number,
  end: number,
  weight: number,
  detail: string,
): InjectionSignal {
  let text = original.slice(start, Math.min(end, start + MAX_SIGNAL_TEXT));
  // Never end the excerpt on half a surrogate pair that the cut created.
  if (end > start + MAX_SIGNAL_TEXT) {
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) text = text.slice(0, -1);
  }
  return { kind, start, end, text, weight: Math.round(weight * 1000) / 1000, detail };
}

/**
 * Drop signals that overlap a stronger one of the same kind, keep each kind under the cap, and
 * order by position.
 */
export function tidySignals(signals: InjectionSignal[]): InjectionSignal[] {
  const byStrength = [...signals].sort((a, b) => b.weight - a.weight || b.end - b.start - (a.end - a.start));
  const kept: InjectionSignal[] = [];
  const perKind = new Map<InjectionSignalKind, InjectionSignal[]>();
  for (const s of byStrength) {
    if (s.weight <= 0) continue;
    const same = perKind.get(s.kind) ?? [];
    if (same.length >= MAX_SIGNALS_PER_KIND) continue;
    if (same.some((k) => s.start < k.end && k.start < s.end)) continue;
    same.push(s);
    perKind.set(s.kind, same);
    kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end || a.kind.localeCompare(b.kind));
}
