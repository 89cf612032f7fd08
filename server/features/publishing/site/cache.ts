/**
 * The public site's reads through Next's data cache, so a page (or sitemap) is read from the
 * database once and then served from memory until it changes:
 *
 * - one entry per slug, tagged `page:<slug>`; publish/unpublish call `revalidatePublishedPage`,
 *   which expires the tag at once (`{ expire: 0 }`: the next request misses, never sees the old
 *   page). Tags live in each process's memory, so other instances converge through the bounded
 *   `revalidate` (PAGE_REVALIDATE_SECONDS).
 * - the sitemap's count and slices of live pages, tagged `sitemap`. A slice is at most
 *   SITEMAP_SLICE pages, which keeps each entry under Next's 2 MB data-cache limit.
 *
 * The database is passed in but is not part of any cache key: there is one per process.
 *
 * Unknown slugs are not cached (the lookup throws past the cache), so probing random addresses
 * cannot fill the cache. Outside a Next server (vitest, the CLI) there is no data cache: reads go
 * straight to the database and `revalidatePublishedPage` does nothing.
 */
import "server-only";
import { revalidateTag, unstable_cache } from "next/cache";
import type { Tx } from "@/server/context";
import { log } from "@/server/log";
import { countLivePages, findPageBySlug, listLivePages, type PageStatus } from "./repository";

/** Seconds an instance keeps a page or the sitemap without hearing of a change (its own publishes expire at once). */
export const PAGE_REVALIDATE_SECONDS = 300;
/** Live pages per cached sitemap slice (80-character slugs: ~1 MB of JSON, under Next's 2 MB entry limit). */
export const SITEMAP_SLICE = 10_000;

export const SITEMAP_TAG = "sitemap";
export function pageTag(slug: string): string {
  return `page:${slug}`;
}

/** A page as the route serves it (JSON-safe: the data cache stores JSON). */
export type ServedPage = {
  slug: string;
  status: PageStatus;
  html: string;
  revision: number;
  updatedAt: string;
  unpublishedAt: string | null;
};

class NoSuchPage extends Error {}

/** unstable_cache's own error when no Next server is around (no incremental cache). */
function outsideNext(e: unknown): boolean {
  return e instanceof Error && e.message.startsWith("Invariant: incrementalCache missing");
}

async function cached<T>(read: () => Promise<T>, key: string[], tags: string[]): Promise<T> {
  const fn = unstable_cache(read, key, { tags, revalidate: PAGE_REVALIDATE_SECONDS });
  try {
    return await fn();
  } catch (e) {
    if (outsideNext(e)) return read();
    throw e;
  }
}

async function readPage(db: Tx, slug: string): Promise<ServedPage> {
  const p = await findPageBySlug(db, slug);
  if (!p) throw new NoSuchPage(slug);
  return {
    slug: p.slug,
    status: p.status === "live" ? "live" : "unpublished",
    html: p.html,
    revision: p.revision,
    updatedAt: p.updatedAt.toISOString(),
    unpublishedAt: p.unpublishedAt?.toISOString() ?? null,
  };
}

/** The page at `slug` (live or taken down), or null when no page was ever published there. */
export async function getServedPage(db: Tx, slug: string): Promise<ServedPage | null> {
  try {
    return await cached(() => readPage(db, slug), ["published-page", slug], [pageTag(slug)]);
  } catch (e) {
    if (e instanceof NoSuchPage) return null;
    throw e;
  }
}

export function getLivePageCount(db: Tx): Promise<number> {
  return cached(() => countLivePages(db), ["published-pages-count"], [SITEMAP_TAG]);
}

/** `[slug, updatedAt epoch ms]` of live pages `offset`… (at most SITEMAP_SLICE), in slug order. */
function getSitemapSlice(db: Tx, offset: number): Promise<Array<[string, number]>> {
  return cached(
    async () =>
      (await listLivePages(db, { skip: offset, take: SITEMAP_SLICE })).map(
        (p) => [p.slug, p.updatedAt.getTime()] as [string, number],
      ),
    ["published-pages-slice", String(offset)],
    [SITEMAP_TAG],
  );
}

/** Live pages `offset`… (`take` of them, in slug order) with their last change, for one sitemap file. */
export async function getSitemapPages(
  db: Tx,
  offset: number,
  take: number,
): Promise<Array<{ slug: string; updatedAt: Date }>> {
  const out: Array<{ slug: string; updatedAt: Date }> = [];
  // Slices are aligned to SITEMAP_SLICE so every file reuses the same cache entries.
  let at = Math.floor(offset / SITEMAP_SLICE) * SITEMAP_SLICE;
  while (out.length < take) {
    const slice = await getSitemapSlice(db, at);
    for (let i = 0; i < slice.length && out.length < take; i++) {
      if (at + i < offset) continue;
      const [slug, ms] = slice[i]!;
      out.push({ slug, updatedAt: new Date(ms) });
    }
    if (slice.length < SITEMAP_SLICE) break;
    at += SITEMAP_SLICE;
  }
  return out;
}

/**
 * After a publish or unpublish has committed: the page and the sitemap expire now, so the next
 * request reads the database. Next applies the expiry when the current request finishes. Outside a
 * Next request (tests, CLI, jobs) there is nothing cached here to expire, so it does nothing.
 */
export function revalidatePublishedPage(slug: string): void {
  try {
    revalidateTag(pageTag(slug), { expire: 0 });
    revalidateTag(SITEMAP_TAG, { expire: 0 });
  } catch (e) {
    if (e instanceof Error && e.message.includes("static generation store missing")) return;
    // Anything else (e.g. called while rendering) is a bug to see, but the publish has committed:
    // the page converges through PAGE_REVALIDATE_SECONDS, so log rather than fail the request.
    log().warn({ err: e, slug }, "revalidatePublishedPage failed; the page refreshes within the revalidate window");
  }
}
