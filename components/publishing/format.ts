import type { BadgeTone } from "@/components/ui/badge";
import {
  EVENT_TYPE_LABELS,
  EVENT_TYPES,
  TEST_EVENT_TYPE,
  type AttemptOutcome,
  type DeliveryOut,
  type EventType,
} from "@/lib/schemas/publishing";

/** Display helpers of the Publishing page. Pure: the current time is passed in. */

const MINUTE = 60_000;

/** Milliseconds as a short duration: "12 min", "5 h", "2 d 4 h" (under a minute is the caller's case). */
function shortDuration(ms: number): string {
  const min = Math.floor(ms / MINUTE);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) {
    const rest = min % 60;
    return rest && h < 3 ? `${h} h ${rest} min` : `${h} h`;
  }
  const d = Math.floor(h / 24);
  const rest = h % 24;
  return rest ? `${d} d ${rest} h` : `${d} d`;
}

/**
 * A time relative to now: "in 5 min", "in under a minute", "just now", "12 min ago", "2 d 4 h ago".
 * A time in the past that was meant as "next retry" reads better as `overdue` (e.g. "due now").
 */
export function formatRelative(iso: string, now: number, opts: { overdue?: string } = {}): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return "—";
  const diff = at - now;
  if (diff >= 0) return diff < MINUTE ? "in under a minute" : `in ${shortDuration(diff)}`;
  if (opts.overdue) return opts.overdue;
  return -diff < MINUTE ? "just now" : `${shortDuration(-diff)} ago`;
}

/** How long ago something happened; a time a little ahead of this clock (server skew) is "just now". */
export function formatAgo(iso: string, now: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return "—";
  return now - at < MINUTE ? "just now" : formatRelative(iso, now);
}

/** A success rate (0–1) as "97 %"; never rounds a partial success up to 100 % or down to 0 %. */
export function formatRate(rate: number | null): string {
  if (rate === null || Number.isNaN(rate)) return "—";
  const pct = rate * 100;
  if (pct >= 100) return "100 %";
  if (pct <= 0) return "0 %";
  if (pct < 1) return "<1 %";
  return `${Math.min(99, Math.round(pct))} %`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

type StatusView = { label: string; tone: BadgeTone };

/** How a delivery's state reads: a pending delivery that already failed once is "Retrying". */
export function deliveryStatusView(d: Pick<DeliveryOut, "status" | "attempts">): StatusView {
  switch (d.status) {
    case "pending":
      return d.attempts > 0 ? { label: "Retrying", tone: "warning" } : { label: "Pending", tone: "info" };
    case "delivering":
      return { label: "Delivering", tone: "brand" };
    case "succeeded":
      return { label: "Succeeded", tone: "success" };
    case "dead":
      return { label: "Dead", tone: "danger" };
    default: {
      const _exhaustive: never = d.status;
      return _exhaustive;
    }
  }
}

export const OUTCOME_LABELS: Record<AttemptOutcome, { label: string; tone: BadgeTone }> = {
  success: { label: "Success", tone: "success" },
  http_error: { label: "HTTP error", tone: "danger" },
  redirect: { label: "Redirect (not followed)", tone: "warning" },
  timeout: { label: "Timed out", tone: "danger" },
  network: { label: "Network error", tone: "danger" },
  blocked: { label: "Blocked address", tone: "danger" },
  worker_lost: { label: "Worker stopped", tone: "warning" },
  skipped: { label: "Skipped", tone: "neutral" },
};

/** Only finished deliveries can be sent again; a pending one is still being retried. */
export function isReplayable(d: Pick<DeliveryOut, "status">): boolean {
  return d.status === "dead" || d.status === "succeeded";
}

/** A delivery is still moving while it waits or is being sent: the log polls while one is. */
export function isInFlight(d: Pick<DeliveryOut, "status">): boolean {
  return d.status === "pending" || d.status === "delivering";
}

/** The event types the log can filter on: the subscribable ones and the test event. */
export const FILTER_EVENT_TYPES: readonly string[] = [...EVENT_TYPES, TEST_EVENT_TYPE];

export function eventTypeLabel(type: string): string {
  if (type === TEST_EVENT_TYPE) return "Test event sent from Lectern";
  return (EVENT_TYPES as readonly string[]).includes(type) ? EVENT_TYPE_LABELS[type as EventType] : type;
}

/** The signed body, indented for reading; a body that is not JSON is shown as it is. */
export function prettyJson(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** "https://cms.example.com/hooks" without the scheme, for tight table cells (the title keeps the full URL). */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//i, "");
}

/** An HTTP status code's tone: 2xx succeeded, anything else did not. */
export function statusCodeTone(code: number | null): BadgeTone {
  if (code === null) return "neutral";
  return code >= 200 && code < 300 ? "success" : "danger";
}
