/**
 * Query keys of the SEO page (kept here rather than in lib/query/client.ts). Everything sits under
 * "seo", so invalidating `seoKeys.all` refreshes the whole page.
 */
export const seoKeys = {
  all: ["seo"] as const,
  batches: ["seo", "batches", "list"] as const,
  batch: (id: string) => ["seo", "batches", "detail", id] as const,
  campaigns: ["seo", "campaigns"] as const,
  /** A generated page's title and slug, for the near-duplicate pairs. */
  pageName: (id: string) => ["seo", "page-name", id] as const,
};
