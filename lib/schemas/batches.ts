import { z } from "zod";

/** `{{ product }}` placeholders in a batch template. */
export const TEMPLATE_VAR = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function templateVariables(...texts: string[]): string[] {
  const out = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(TEMPLATE_VAR)) out.add(m[1]!);
  return [...out];
}

export const JSONLD_PAGE_TYPES = ["WebPage", "Product", "LocalBusiness", "Article"] as const;

/** A programmatic SEO page template: a brief and a slug with `{{variables}}` filled from each CSV row. */
export const BatchTemplate = z.object({
  brief: z
    .string()
    .trim()
    .min(10, "Describe the page in at least a sentence")
    .max(2000)
    .refine((t) => templateVariables(t).length > 0, "Use at least one {{variable}} so each row gets its own page"),
  slug: z.string().trim().min(1, "Give a slug pattern such as {{product}}-{{city}}").max(120),
  jsonLdType: z.enum(JSONLD_PAGE_TYPES).default("WebPage"),
  tags: z.array(z.string().trim().min(1).max(40)).max(10).default([]),
});
export type BatchTemplate = z.infer<typeof BatchTemplate>;

export const BatchSpec = z.object({
  name: z.string().trim().max(120).optional(),
  template: BatchTemplate,
  /** `{ templateVariable: csvColumn }` */
  mapping: z.record(z.string(), z.string()),
  campaignId: z.string().max(100).nullable().default(null),
});
export type BatchSpec = z.input<typeof BatchSpec>;

export const CsvPreview = z.object({
  columns: z.array(z.string()),
  rowCount: z.number().int(),
  /** The first three rows, as read. */
  sample: z.array(z.record(z.string(), z.string())),
  /** Rows that will fail (wrong number of cells…), first 20, with their 1-based line. */
  problems: z.array(z.string()),
});
export type CsvPreview = z.infer<typeof CsvPreview>;

export const BATCH_STATUSES = ["queued", "running", "paused", "cancelled", "completed", "failed"] as const;
export const BatchStatus = z.enum(BATCH_STATUSES);
export type BatchStatus = z.infer<typeof BatchStatus>;

export const BatchOut = z.object({
  id: z.string(),
  status: BatchStatus,
  fileName: z.string(),
  template: BatchTemplate,
  mapping: z.record(z.string(), z.string()),
  campaign: z.object({ id: z.string(), name: z.string() }).nullable(),
  total: z.number().int(),
  done: z.number().int(),
  flagged: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
  /** Rows a second while running (null before the first row). */
  rowsPerSecond: z.number().nullable(),
  /** Seconds left at the current rate (null when unknown). */
  etaSeconds: z.number().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  /** Failed rows (first 50): 1-based row number in the CSV and why. */
  errors: z.array(z.object({ row: z.number().int(), error: z.string() })),
  /** Pages too similar to each other (cannibalisation), with their drafts. */
  duplicates: z.array(z.object({ a: z.string(), b: z.string(), score: z.number() })),
});
export type BatchOut = z.infer<typeof BatchOut>;
export const BatchList = z.object({ items: z.array(BatchOut) });

export const BatchAction = z.object({ action: z.enum(["pause", "resume", "cancel"]) });

/** API v1: a batch with its CSV inline as text (the studio uploads it as a file instead). */
export const BatchApiBody = z.object({
  template: BatchTemplate,
  mapping: z.record(z.string(), z.string()),
  campaignId: z.string().max(100).nullable().default(null),
  fileName: z.string().trim().min(1).max(200).default("api.csv"),
  /** The CSV as text: a header row, then one row per page. */
  csv: z.string().min(1, "Send the CSV text").max(20_000_000),
});
