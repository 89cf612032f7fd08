import { describe, expect, it } from "vitest";
import type { SeoPageContent } from "@/lib/schemas/drafts";
import type { Db } from "@/server/db/client";
import { PROVIDERS } from "@/server/testing/databases";
import { makeWorkspace, uid, useTestDb } from "@/server/testing/fixtures";
import { SITEMAP_SLICE, getLivePageCount, getServedPage, getSitemapPages, revalidatePublishedPage } from "./cache";
import { renderPublishedPage } from "./render";
import { listLivePages } from "./repository";
import { PAGE_CACHE_CONTROL, pageEtag, serveSitemap, serveSitemapFile, servePage } from "./serve";

const ORIGIN = "https://pages.example.com";

function content(slug: string): SeoPageContent {
  return {
    format: "seo_page",
    title: `Title of ${slug}`,
    metaDescription: "A description.",
    h1: `Heading of ${slug}`,
    slug,
    canonicalUrl: "",
    intro: "Intro.",
    sections: [],
    faq: [],
    internalLinks: [],
    jsonLd: { "@context": "https://schema.org", "@type": "WebPage", name: slug },
  };
}

/** Drafts and their published pages, written directly (the publish service has its own tests). */
async function publish(
  db: Db,
  workspaceId: string,
  pages: Array<{ slug: string; status?: string; at?: Date }>,
  opts: { bulk?: boolean } = {},
) {
  const drafts = pages.map((p) => ({
    id: `d_${uid()}${uid()}`,
    workspaceId,
    channel: "seo_page",
    format: "seo_page",
    title: p.slug,
    brief: "brief",
    status: p.status === "unpublished" ? "approved" : "published",
    verdict: "pass",
    content: (opts.bulk ? {} : content(p.slug)) as never,
    text: "copy",
    record: {} as never,
    governanceScore: 100,
    slug: p.slug,
  }));
  await db.draft.createMany({ data: drafts });
  const now = new Date("2025-05-01T12:00:00.000Z");
  await db.publishedPage.createMany({
    data: pages.map((p, i) => ({
      workspaceId,
      draftId: drafts[i]!.id,
      slug: p.slug,
      title: p.slug,
      html: opts.bulk
        ? "<!doctype html>"
        : renderPublishedPage(content(p.slug), {
            pageUrl: `${ORIGIN}/p/${p.slug}`,
            siteName: "Site",
            publishedAt: now,
            modifiedAt: now,
          }),
      status: p.status ?? "live",
      revision: 2,
      publishedAt: now,
      unpublishedAt: p.status === "unpublished" ? now : null,
      updatedAt: p.at ?? now,
    })),
  });
}

const h = (init: Record<string, string> = {}) => new Headers(init);

describe.each(PROVIDERS)("the public site (%s)", (provider) => {
  const getDb = useTestDb(provider);

  it("serves a live page with validators, 304 on a match, 410 once taken down, 404 for unknown or malformed slugs", async (ctx) => {
    const { db } = getDb(ctx);
    const { ws } = await makeWorkspace(db, ["editor"]);
    const live = `live-${uid()}`;
    const gone = `gone-${uid()}`;
    await publish(db, ws.id, [{ slug: live }, { slug: gone, status: "unpublished" }]);

    const ok = await servePage(db, live, h());
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(ok.headers.get("cache-control")).toBe(PAGE_CACHE_CONTROL);
    expect(ok.headers.get("etag")).toBe(pageEtag(live, 2));
    expect(ok.headers.get("last-modified")).toBe("Thu, 01 May 2025 12:00:00 GMT");
    expect(ok.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await ok.text();
    expect(html).toContain(`<h1>Heading of ${live}</h1>`);
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}/p/${live}">`);

    const etag = ok.headers.get("etag")!;
    const notModified = await servePage(db, live, h({ "if-none-match": `"other", W/${etag}` }));
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get("etag")).toBe(etag);
    expect(await notModified.text()).toBe("");
    expect((await servePage(db, live, h({ "if-none-match": '"x.r1"' }))).status).toBe(200);
    expect((await servePage(db, live, h({ "if-modified-since": "Thu, 01 May 2025 12:00:00 GMT" }))).status).toBe(304);
    expect((await servePage(db, live, h({ "if-modified-since": "Thu, 01 May 2025 11:59:59 GMT" }))).status).toBe(200);

    const taken = await servePage(db, gone, h({ "if-none-match": pageEtag(gone, 2) }));
    expect(taken.status).toBe(410);
    expect(taken.headers.get("cache-control")).toBe("no-store");
    expect(taken.headers.get("x-robots-tag")).toBe("noindex");
    expect(await taken.text()).toContain("<h1>This page has been taken down</h1>");

    for (const slug of [`missing-${uid()}`, "Upper-Case", "a--b", "x".repeat(81), "../etc", "a b"]) {
      const r = await servePage(db, slug, h());
      expect(r.status, slug).toBe(404);
      expect(await r.text()).toContain("<h1>Page not found</h1>");
    }
  });

  it("reads through to the database outside Next, so a change shows at once; revalidating is a no-op there", async (ctx) => {
    const { db } = getDb(ctx);
    const { ws } = await makeWorkspace(db, ["editor"]);
    const slug = `flip-${uid()}`;
    await publish(db, ws.id, [{ slug }]);
    expect((await getServedPage(db, slug))?.status).toBe("live");
    await db.publishedPage.update({ where: { slug }, data: { status: "unpublished", unpublishedAt: new Date() } });
    expect(() => revalidatePublishedPage(slug)).not.toThrow();
    expect((await getServedPage(db, slug))?.status).toBe("unpublished");
    expect(await getServedPage(db, `nope-${uid()}`)).toBeNull();
  });

  it("lists live pages in slug order for the sitemap, and 404s sitemap files beyond the count", async (ctx) => {
    const { db } = getDb(ctx);
    const { ws } = await makeWorkspace(db, ["editor"]);
    const other = await makeWorkspace(db, ["editor"]);
    const tag = uid();
    await publish(db, ws.id, [
      { slug: `c-${tag}`, at: new Date("2025-05-03T00:00:00.000Z") },
      { slug: `a-${tag}` },
      { slug: `b-${tag}`, status: "unpublished" },
    ]);
    // Slugs are unique across the instance: every workspace's live pages are in the one sitemap.
    await publish(db, other.ws.id, [{ slug: `b2-${tag}` }]);

    const mine = (await listLivePages(db, { take: 1000 })).map((p) => p.slug).filter((s) => s.endsWith(tag));
    expect(mine).toEqual([`a-${tag}`, `b2-${tag}`, `c-${tag}`]);
    const afterA = await listLivePages(db, { take: 1000, cursor: `a-${tag}` });
    expect(afterA.map((p) => p.slug)).not.toContain(`a-${tag}`);

    const res = await serveSitemap(db, ORIGIN);
    expect(res.headers.get("content-type")).toBe("application/xml; charset=utf-8");
    const xml = await res.text();
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain(`<url><loc>${ORIGIN}/p/c-${tag}</loc><lastmod>2025-05-03T00:00:00.000Z</lastmod></url>`);
    expect(xml).toContain(`<loc>${ORIGIN}/p/a-${tag}</loc>`);
    expect(xml).not.toContain(`/p/b-${tag}<`);
    expect(xml.indexOf(`/p/a-${tag}<`)).toBeLessThan(xml.indexOf(`/p/c-${tag}<`));

    const file1 = await serveSitemapFile(db, ORIGIN, "1.xml");
    expect(file1.status).toBe(200);
    expect(await file1.text()).toBe(xml);
    for (const f of ["2.xml", "0.xml", "x.xml"]) expect((await serveSitemapFile(db, ORIGIN, f)).status, f).toBe(404);
  });

  it("pages through cache slices without losing or repeating a page across a slice boundary", async (ctx) => {
    const { db } = getDb(ctx);
    const { ws } = await makeWorkspace(db, ["editor"]);
    const before = await getLivePageCount(db);
    const tag = uid();
    // Zero-padded so slug order is numeric order.
    const n = SITEMAP_SLICE + 3;
    const slugs = Array.from({ length: n }, (_, i) => `zz-${tag}-${String(i).padStart(6, "0")}`);
    for (let i = 0; i < n; i += 2000)
      await publish(
        db,
        ws.id,
        slugs.slice(i, i + 2000).map((slug) => ({ slug })),
        { bulk: true },
      );
    expect(await getLivePageCount(db)).toBe(before + n);

    // The new pages sort after every other page in this database ("zz-…").
    const all = await getSitemapPages(db, 0, before + n + 10);
    expect(all).toHaveLength(before + n);
    expect(all.slice(before).map((p) => p.slug)).toEqual(slugs);
    const across = await getSitemapPages(db, SITEMAP_SLICE - 2, 5);
    expect(across.map((p) => p.slug)).toEqual(all.slice(SITEMAP_SLICE - 2, SITEMAP_SLICE + 3).map((p) => p.slug));
    expect(await getSitemapPages(db, before + n, 5)).toEqual([]);
  });
});
