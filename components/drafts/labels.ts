import { eastAsianWidth } from "get-east-asian-width";
import type { BadgeTone } from "@/components/ui/badge";
import type { DraftFlag, DraftStatus, DraftSummary, FlagKind, PipelineStep } from "@/lib/schemas/drafts";

/** Display labels and small formatters shared by the Drafts pages. */

export const STATUS: Record<DraftStatus, { label: string; tone: BadgeTone }> = {
  draft: { label: "Draft", tone: "neutral" },
  in_review: { label: "In review", tone: "info" },
  approved: { label: "Approved", tone: "success" },
  changes_requested: { label: "Changes requested", tone: "warning" },
  rejected: { label: "Rejected", tone: "danger" },
  scheduled: { label: "Scheduled", tone: "brand" },
  published: { label: "Published", tone: "success" },
  archived: { label: "Archived", tone: "neutral" },
};

export const VERDICT: Record<DraftSummary["verdict"], { label: string; tone: BadgeTone }> = {
  pass: { label: "Pass", tone: "success" },
  needs_review: { label: "Needs review", tone: "warning" },
};

/** The pipeline's steps in the order they run (the progress bar's scale). */
export const STEP_LABELS: Record<PipelineStep["name"], string> = {
  guard_input: "Check the brief",
  retrieve: "Retrieve knowledge",
  generate: "Generate",
  validate: "Channel limits",
  govern: "Brand governor",
  ground: "Grounding",
  jsonld: "JSON-LD",
  guard_output: "Check the output",
  save: "Save",
};
export const STEP_COUNT = Object.keys(STEP_LABELS).length;

export const STEP_STATUS: Record<PipelineStep["status"], { label: string; tone: BadgeTone }> = {
  ok: { label: "OK", tone: "success" },
  flagged: { label: "Flagged", tone: "warning" },
  skipped: { label: "Skipped", tone: "neutral" },
  failed: { label: "Failed", tone: "danger" },
};

export const FLAG_KIND_LABELS: Record<FlagKind, string> = {
  governor: "Brand voice",
  channel: "Channel limits",
  unsupported_claim: "Unsupported claims",
  pii: "Personal data",
  injection: "Prompt injection",
  output: "Output checks",
  jsonld: "Structured data",
  duplicate: "Duplicates",
};

export const FLAG_LEVEL: Record<DraftFlag["level"], { label: string; tone: BadgeTone }> = {
  error: { label: "Error", tone: "danger" },
  warning: { label: "Warning", tone: "warning" },
  suggestion: { label: "Suggestion", tone: "info" },
};

/** A summary's `flagLevel` (0 none … 3 error) as the level it stands for. */
export function flagLevelOf(n: number): DraftFlag["level"] | null {
  return n >= 3 ? "error" : n === 2 ? "warning" : n === 1 ? "suggestion" : null;
}

/** Grounding 0–1 as a percentage; null when the copy states no checkable fact. */
export function formatGrounding(score: number | null): string {
  return score === null ? "No facts" : `${Math.round(score * 100)}%`;
}

/** Length as ad networks count it: code points after NFC, East Asian wide characters count two. */
export function displayLength(text: string): number {
  return Array.from(text.normalize("NFC")).reduce(
    (n, ch) => n + eastAsianWidth(ch.codePointAt(0) ?? 0, { ambiguousAsWide: false }),
    0,
  );
}

/** `/drafts/<id>` */
export function draftHref(id: string): string {
  return `/drafts/${encodeURIComponent(id)}`;
}
