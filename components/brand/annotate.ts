import type { GovernorAlert } from "@/lib/schemas/brand";

/** One underline in the checked text: a run of overlapping alerts, shown and described together. */
export type Mark = { start: number; end: number; alerts: { alert: GovernorAlert; index: number }[] };

export type Segment = { kind: "text"; text: string } | { kind: "mark"; text: string; mark: Mark; markIndex: number };

const SEVERITY = { error: 2, warning: 1, suggestion: 0 } as const;

/** The most severe level among a mark's alerts (its underline colour). */
export function markLevel(mark: Mark): GovernorAlert["level"] {
  let best: GovernorAlert["level"] = "suggestion";
  for (const { alert } of mark.alerts) if (SEVERITY[alert.level] > SEVERITY[best]) best = alert.level;
  return best;
}

/**
 * Splits `text` into plain runs and underlined marks. Alerts whose spans overlap share one mark;
 * spans are clamped to the text, and an empty span (e.g. a missing disclaimer) underlines the
 * character it points at, or the last one.
 */
export function annotate(text: string, alerts: GovernorAlert[]): { segments: Segment[]; markOf: number[] } {
  const markOf: number[] = new Array<number>(alerts.length).fill(-1);
  if (!text.length) return { segments: [], markOf };
  const spans = alerts
    .map((alert, index) => {
      let start = Math.max(0, Math.min(alert.start, text.length));
      let end = Math.max(start, Math.min(alert.end, text.length));
      if (end === start) {
        if (start >= text.length) start = text.length - 1;
        end = start + 1;
      }
      return { alert, index, start, end };
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);

  const marks: Mark[] = [];
  for (const s of spans) {
    const last = marks[marks.length - 1];
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      last.alerts.push({ alert: s.alert, index: s.index });
    } else marks.push({ start: s.start, end: s.end, alerts: [{ alert: s.alert, index: s.index }] });
  }

  const segments: Segment[] = [];
  let pos = 0;
  marks.forEach((mark, markIndex) => {
    if (mark.start > pos) segments.push({ kind: "text", text: text.slice(pos, mark.start) });
    segments.push({ kind: "mark", text: text.slice(mark.start, mark.end), mark, markIndex });
    for (const { index } of mark.alerts) markOf[index] = markIndex;
    pos = mark.end;
  });
  if (pos < text.length) segments.push({ kind: "text", text: text.slice(pos) });
  return { segments, markOf };
}

/** The text with one alert's match replaced by its fix. */
export function applyFix(text: string, alert: GovernorAlert): string {
  if (alert.fix === null) return text;
  return text.slice(0, alert.start) + alert.fix + text.slice(alert.end);
}
