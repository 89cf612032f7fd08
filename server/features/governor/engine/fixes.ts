import { fixesFor } from "./rules/common";
import type { Alert } from "./types";

export interface FixResult {
  text: string;
  /** Alerts whose fix was applied, in source order. */
  fixed: Alert[];
  /** Alerts with a deterministic action that could not be applied safely (overlap, markup inside the match). */
  skipped: Alert[];
}

const DETERMINISTIC = new Set(["replace", "remove", "edit"]);

/**
 * Applies deterministic fixes — `replace` (first suggestion), `remove`, and `edit` — from the end
 * of the source backwards, so earlier offsets stay valid. A fix is applied only when the source
 * text at `[start, end)` is exactly the alert's `Match` (no markup inside) and it does not
 * overlap a fix already applied. Removing a word also removes one of the two spaces around it.
 */
export function applyFixes(source: string, alerts: readonly Alert[]): FixResult {
  const candidates = alerts.filter((a) => DETERMINISTIC.has(a.Action.Name) && a.end > a.start);
  const ordered = [...candidates].sort((a, b) => b.start - a.start || b.end - a.end);
  let text = source;
  let floor = Number.POSITIVE_INFINITY;
  const fixed: Alert[] = [];
  const skipped: Alert[] = [];
  for (const a of ordered) {
    const suggestions = fixesFor(a.Action, a.Match);
    const replacement = suggestions?.[0];
    if (replacement === undefined || a.end > floor || source.slice(a.start, a.end) !== a.Match) {
      skipped.push(a);
      continue;
    }
    let start = a.start;
    let end = a.end;
    if (replacement === "" && text[start - 1] === " " && (text[end] === " " || /[.,;:!?]/.test(text[end] ?? ""))) {
      start--;
    } else if (replacement === "" && start === 0 && text[end] === " ") {
      end++;
    }
    text = text.slice(0, start) + replacement + text.slice(end);
    floor = start;
    fixed.push(a);
  }
  fixed.reverse();
  skipped.reverse();
  return { text, fixed, skipped };
}
