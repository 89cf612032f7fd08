import type { BadgeTone } from "@/components/ui/badge";
import type { BatchOut, BatchStatus } from "@/lib/schemas/batches";
import { formatInt, plural } from "@/components/knowledge/format";

/** The progress view's heading (a focus target after a selection or a cancel). */
export const BATCH_HEADING_ID = "seo-batch-heading";

export const STATUS: Record<BatchStatus, { label: string; tone: BadgeTone }> = {
  queued: { label: "Queued", tone: "neutral" },
  running: { label: "Running", tone: "info" },
  paused: { label: "Paused", tone: "warning" },
  cancelled: { label: "Cancelled", tone: "neutral" },
  completed: { label: "Completed", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
};

/** Still moving: the page polls these. */
export function isActive(status: BatchStatus): boolean {
  return status === "queued" || status === "running";
}

/** Which controls the API accepts in each state (anything else answers 409). */
export const CAN = {
  pause: (s: BatchStatus) => s === "queued" || s === "running",
  resume: (s: BatchStatus) => s === "paused" || s === "failed",
  cancel: (s: BatchStatus) => s === "queued" || s === "running" || s === "paused",
};

export function processed(b: Pick<BatchOut, "done" | "flagged" | "failed">): number {
  return b.done + b.flagged + b.failed;
}

/** "3 done · 1 flagged · 1 failed of 5 rows" */
export function countsLine(b: BatchOut): string {
  return `${formatInt(b.done)} done · ${formatInt(b.flagged)} flagged · ${formatInt(b.failed)} failed of ${plural(b.total, "row")}`;
}

/** "about 2 min left", "less than a minute left", "about 1 h 5 min left". */
export function etaText(seconds: number): string {
  if (seconds < 45) return "less than a minute left";
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 60) return `about ${minutes} min left`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `about ${h} h${m ? ` ${m} min` : ""} left`;
}

/** "2.5 rows a second", or "12 rows a minute" when slower than one a second. */
export function rateText(rowsPerSecond: number): string {
  if (rowsPerSecond >= 1) return `${rowsPerSecond.toFixed(rowsPerSecond < 10 ? 1 : 0)} rows a second`;
  const perMinute = Math.round(rowsPerSecond * 60);
  return `${perMinute} ${perMinute === 1 ? "row" : "rows"} a minute`;
}

/** Where the batch's pages are listed: its campaign, or every SEO page. */
export function draftsHref(b: Pick<BatchOut, "campaign">): string {
  return b.campaign ? `/drafts?campaignId=${encodeURIComponent(b.campaign.id)}` : "/drafts?channel=seo_page";
}

export function draftHref(id: string): string {
  return `/drafts/${encodeURIComponent(id)}`;
}

/** The sentence the live region reads when the state changes. */
export function announcement(b: BatchOut): string {
  const name = `Batch ${b.fileName}`;
  switch (b.status) {
    case "queued":
      return `${name} is queued.`;
    case "running":
      return `${name} is running.`;
    case "paused":
      return `${name} is paused.`;
    case "cancelled":
      return `${name} was cancelled: ${countsLine(b)}.`;
    case "completed":
      return `${name} is complete: ${countsLine(b)}.`;
    case "failed":
      return `${name} stopped with an error: ${countsLine(b)}. Resume it to try the remaining rows again.`;
  }
}
