/**
 * The public site's HTTP answers: a published page (200/304), a page taken down (410), an unknown
 * address (404), the sitemaps and robots.txt. The route handlers only pass in the request's
 * origin, method and headers; nothing here needs a session (the site is public).
 */
import "server-only";
import { SLUG_MAX } from "@/lib/slug";
import type { Tx } from "@/server/context";
import { escapeHtml } from "@/server/features/generation/channels/seo-html";
import { getLivePageCount, getServedPage, getSitemapPages, type ServedPage } from "./cache";
import { PAGE_PATH_PREFIX } from "./render";
import { SITEMAP_LIMIT, robotsTxt, sitemapFileCount, sitemapFileNumber, sitemapIndexXml, sitemapXml } from "./sitemap";

/**
 * Browsers revalidate every time (a cheap 304 on the ETag), so an unpublished page is gone for them
 * at once; shared caches (CDNs) may keep it up to a minute, and serve a stale copy only while the
 * origin is failing (never `stale-while-revalidate`: that would keep a taken-down page alive).
 */
export const PAGE_CACHE_CONTROL = "public, max-age=0, must-revalidate, s-maxage=60, stale-if-error=86400";
const NO_STORE = "no-store";

/**
 * The published document may only style itself: its one script is JSON-LD (a data block, never
 * run), it loads nothing, and it cannot be framed elsewhere or post a form.
 */
export const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug Lectern could have published (what `slugify` makes); anything else is a 404 without a lookup. */
export function isPageSlug(slug: string): boolean {
  return slug.length <= SLUG_MAX && SLUG.test(slug);
}

/** Strong validator: the stored document changes only on (re)publish, which bumps the revision. */
export function pageEtag(slug: string, revision: number): string {
  return `"${slug}.r${revision}"`;
}

/** RFC 9110 §13.1.2: weak comparison, a list of tags or `*`. */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => opaque(t) === opaque(etag));
}

function securityHeaders(): Record<string, string> {
  return {
    "content-security-policy": PAGE_CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
  };
}

const STATUS_STYLE =
  "<style>:root{color-scheme:light dark}body{margin:0;font:17px/1.6 system-ui,sans-serif}" +
  "main{max-width:36rem;margin:0 auto;padding:4rem 1.25rem}h1{font-size:1.75rem;line-height:1.25}</style>";

/** A small, accessible page for 404 and 410: a landmark, one h1, and no indexing. */
export function statusDocument(title: string, message: string): string {
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)}</title>`,
    STATUS_STYLE,
    "</head>",
    "<body>",
    "<main>",
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>${escapeHtml(message)}</p>`,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function htmlResponse(status: number, body: string | null, headers: Record<string, string>): Response {
  return new Response(body, { status, headers: { "content-type": "text/html; charset=utf-8", ...headers } });
}

export function notFoundPage(): Response {
  return htmlResponse(
    404,
    statusDocument(
      "Page not found",
      "There is no page at this address. Check the link, or go to the site's home page.",
    ),
    { "cache-control": NO_STORE, "x-robots-tag": "noindex", ...securityHeaders() },
  );
}

export function gonePage(): Response {
  return htmlResponse(
    410,
    statusDocument(
      "This page has been taken down",
      "The page that was published at this address has been removed by its publisher and is no longer available.",
    ),
    { "cache-control": NO_STORE, "x-robots-tag": "noindex", ...securityHeaders() },
  );
}

/** The answer for one page: 200 with the stored document, 304 when the client has it, 410, or 404. */
export function pageResponse(page: ServedPage | null, headers: Headers): Response {
  if (!page) return notFoundPage();
  if (page.status !== "live") return gonePage();
  const etag = pageEtag(page.slug, page.revision);
  const lastModified = new Date(page.updatedAt).toUTCString();
  const validators = { etag, "last-modified": lastModified, "cache-control": PAGE_CACHE_CONTROL };
  const inm = headers.get("if-none-match");
  // If-Modified-Since only counts without If-None-Match (RFC 9110 §13.1.3); HTTP dates are whole seconds.
  const ims = inm === null ? Date.parse(headers.get("if-modified-since") ?? "") : NaN;
  if (etagMatches(inm, etag) || (!Number.isNaN(ims) && Math.floor(Date.parse(page.updatedAt) / 1000) * 1000 <= ims))
    return new Response(null, { status: 304, headers: validators });
  return htmlResponse(200, page.html, { ...validators, ...securityHeaders() });
}

/** `/p/<slug>`: malformed slugs never reach the database. */
export async function servePage(db: Tx, slug: string, headers: Headers): Promise<Response> {
  if (!isPageSlug(slug)) return notFoundPage();
  return pageResponse(await getServedPage(db, slug), headers);
}

const XML_HEADERS = { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=300" };

function pageLoc(origin: string, slug: string): string {
  return `${origin}${PAGE_PATH_PREFIX}${slug}`;
}

async function urlset(db: Tx, origin: string, file: number): Promise<string> {
  const pages = await getSitemapPages(db, (file - 1) * SITEMAP_LIMIT, SITEMAP_LIMIT);
  return sitemapXml(pages.map((p) => ({ loc: pageLoc(origin, p.slug), lastmod: p.updatedAt })));
}

/** `/sitemap.xml`: every live page, or (above SITEMAP_LIMIT) an index of `/sitemaps/<n>.xml`. */
export async function serveSitemap(db: Tx, origin: string): Promise<Response> {
  const files = sitemapFileCount(await getLivePageCount(db));
  if (files === 1) return new Response(await urlset(db, origin, 1), { headers: XML_HEADERS });
  const refs = Array.from({ length: files }, (_, i) => ({ loc: `${origin}/sitemaps/${i + 1}.xml`, lastmod: null }));
  return new Response(sitemapIndexXml(refs), { headers: XML_HEADERS });
}

/** `/sitemaps/<n>.xml`: the n-th SITEMAP_LIMIT live pages; 404 outside 1…files. */
export async function serveSitemapFile(db: Tx, origin: string, file: string): Promise<Response> {
  const n = sitemapFileNumber(file);
  if (n === null || n > sitemapFileCount(await getLivePageCount(db)))
    return new Response("No such sitemap.\n", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": NO_STORE },
    });
  return new Response(await urlset(db, origin, n), { headers: XML_HEADERS });
}

export function serveRobots(origin: string): Response {
  return new Response(robotsTxt(origin), {
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=3600" },
  });
}
