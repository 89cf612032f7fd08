/** Time in the queue and the SLA state of a draft, as the queue shows them. Pure: `now` is passed in. */

export type SlaState = "ok" | "near" | "breached";

const HOUR = 3_600_000;

/**
 * `breached` once the draft has waited `slaHours` (or the server says so), `near` when less than
 * 20 % of the target is left, otherwise `ok`.
 */
export function slaState(reviewSince: string, slaHours: number, now: number, serverBreached = false): SlaState {
  const waited = now - Date.parse(reviewSince);
  const target = slaHours * HOUR;
  if (serverBreached || waited >= target) return "breached";
  if (target - waited <= target * 0.2) return "near";
  return "ok";
}

/** Milliseconds as a short duration: "under a minute", "12 min", "5 h", "2 d 4 h". */
export function formatDuration(ms: number): string {
  const min = Math.floor(Math.max(0, ms) / 60_000);
  if (min < 1) return "under a minute";
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} h`;
  const d = Math.floor(h / 24);
  const rest = h % 24;
  return rest ? `${d} d ${rest} h` : `${d} d`;
}

/** What is left of the SLA ("3 h left") or by how much it is over ("2 h over"). */
export function slaRemaining(reviewSince: string, slaHours: number, now: number): string {
  const left = Date.parse(reviewSince) + slaHours * HOUR - now;
  return left >= 0 ? `${formatDuration(left)} left` : `${formatDuration(-left)} over`;
}

const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "just now", "5 minutes ago", "yesterday", "3 days ago". */
export function relativeTime(iso: string, now: number): string {
  const s = Math.round((Date.parse(iso) - now) / 1000);
  const abs = Math.abs(s);
  if (abs < 45) return "just now";
  if (abs < 3600) return rtf.format(Math.round(s / 60), "minute");
  if (abs < 86_400) return rtf.format(Math.round(s / 3600), "hour");
  if (abs < 30 * 86_400) return rtf.format(Math.round(s / 86_400), "day");
  return new Date(iso).toLocaleDateString("en", { dateStyle: "medium" });
}
