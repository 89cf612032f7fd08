/**
 * The public site's reads: one page by slug, and the live pages in slug order for the sitemaps.
 * Slugs are unique across the instance, so none of these is scoped to a workspace.
 */
import type { Tx } from "@/server/context";

export const PAGE_STATUSES = ["live", "unpublished"] as const;
export type PageStatus = (typeof PAGE_STATUSES)[number];

export function findPageBySlug(db: Tx, slug: string) {
  return db.publishedPage.findUnique({
    where: { slug },
    select: { slug: true, status: true, html: true, revision: true, updatedAt: true, unpublishedAt: true },
  });
}

export function countLivePages(db: Tx) {
  return db.publishedPage.count({ where: { status: "live" } });
}

/**
 * Live pages in slug order (stable: slugs are unique), `take` at a time: from `skip` (sitemap file n
 * starts at (n-1)·limit), or after the slug `cursor`.
 */
export function listLivePages(db: Tx, page: { take: number; skip?: number; cursor?: string }) {
  return db.publishedPage.findMany({
    where: { status: "live", ...(page.cursor !== undefined ? { slug: { gt: page.cursor } } : {}) },
    orderBy: { slug: "asc" },
    skip: page.skip ?? 0,
    take: page.take,
    select: { slug: true, updatedAt: true },
  });
}
