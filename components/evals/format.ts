import type { BadgeTone } from "@/components/ui/badge";
import type { AssertionStatus } from "@/lib/schemas/evals";
import type { RunSummary } from "@/lib/schemas/golden-sets";

/** Display labels and small formatters shared by the Evals pages. */

export { formatMs, formatUsd } from "@/components/usage/format";

export type RunStatus = RunSummary["status"];
export type CaseStatus = "pass" | "fail" | "error";

export const RUN_STATUS: Record<RunStatus, { label: string; tone: BadgeTone }> = {
  queued: { label: "Queued", tone: "neutral" },
  running: { label: "Running", tone: "info" },
  succeeded: { label: "Finished", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  cancelled: { label: "Cancelled", tone: "neutral" },
};

export const CASE_STATUS: Record<CaseStatus, { label: string; tone: BadgeTone }> = {
  pass: { label: "Pass", tone: "success" },
  fail: { label: "Fail", tone: "danger" },
  error: { label: "Error", tone: "warning" },
};

export const ASSERTION_STATUS: Record<AssertionStatus, { label: string; tone: BadgeTone }> = {
  pass: { label: "Pass", tone: "success" },
  fail: { label: "Fail", tone: "danger" },
  skipped: { label: "Skipped", tone: "neutral" },
  error: { label: "Error", tone: "warning" },
};

/** Whether a run is still working (the pages poll while one is). */
export function isActive(run: Pick<RunSummary, "status">): boolean {
  return run.status === "queued" || run.status === "running";
}

/** 0.8 → "80%", 0.8125 → "81.3%" (no trailing ".0"). */
export function pct(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return "—";
  const v = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1)}%`;
}

/** The prompt a run used: "draft.generic v3 (production)". */
export function promptText(run: Pick<RunSummary, "promptKey" | "promptVersion" | "promptLabel">): string {
  return `${run.promptKey} v${run.promptVersion}${run.promptLabel ? ` (${run.promptLabel})` : ""}`;
}

export function routeText(route: string | null): string {
  return route ?? "Workspace draft route";
}

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium" });

export function when(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : "—";
}

/** "0.8" → 80 for the percentage input; "" stays "". */
export function toPercentInput(rate: number): string {
  return String(Math.round(rate * 1000) / 10);
}

/** The percentage input's text as a 0–1 rate, or the raw text when it is not a number (the schema then says why). */
export function fromPercentInput(text: string): number | string {
  const t = text.trim().replace(/%$/, "").trim();
  if (t === "") return text;
  const n = Number(t);
  return Number.isFinite(n) ? n / 100 : text;
}
