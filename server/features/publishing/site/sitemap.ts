/**
 * sitemap.xml and robots.txt as text, from plain data (sitemaps.org protocol 0.9). The protocol
 * caps one sitemap at 50,000 URLs (and 50 MB); above that, `/sitemap.xml` is an index of numbered
 * sitemaps, each at most SITEMAP_LIMIT URLs.
 */

/** URLs per sitemap file (sitemaps.org: "no more than 50,000 URLs"). */
export const SITEMAP_LIMIT = 50_000;

export const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

export type SitemapEntry = { loc: string; lastmod: Date | string | null };

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for XML content; drops characters XML 1.0 cannot carry at all. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch] ?? ch);
}

/** W3C Datetime (what sitemaps expect): full ISO 8601 in UTC; null for a missing or invalid date. */
function w3cDate(value: Date | string | null): string | null {
  if (value === null) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function item(tag: "url" | "sitemap", e: SitemapEntry): string {
  const lastmod = w3cDate(e.lastmod);
  return `<${tag}><loc>${escapeXml(e.loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}</${tag}>`;
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>';

/** A `<urlset>`; more than SITEMAP_LIMIT entries is a programming error (split with `sitemapChunks`). */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  if (entries.length > SITEMAP_LIMIT)
    throw new RangeError(`A sitemap holds at most ${SITEMAP_LIMIT} URLs (got ${entries.length})`);
  return [XML_DECL, `<urlset xmlns="${SITEMAP_NS}">`, ...entries.map((e) => item("url", e)), "</urlset>", ""].join(
    "\n",
  );
}

/** A `<sitemapindex>` of sitemap files. */
export function sitemapIndexXml(sitemaps: readonly SitemapEntry[]): string {
  return [
    XML_DECL,
    `<sitemapindex xmlns="${SITEMAP_NS}">`,
    ...sitemaps.map((e) => item("sitemap", e)),
    "</sitemapindex>",
    "",
  ].join("\n");
}

/** How many sitemap files `count` URLs need (at least 1: an empty site still has an empty urlset). */
export function sitemapFileCount(count: number, limit: number = SITEMAP_LIMIT): number {
  return Math.max(1, Math.ceil(count / limit));
}

/** `"3.xml"` → 3; anything else (`0.xml`, `03.xml`, `x.xml`, `1.xml.gz`) → null. */
export function sitemapFileNumber(file: string): number | null {
  const m = /^([1-9][0-9]{0,5})\.xml$/.exec(file);
  return m ? Number(m[1]) : null;
}

/** The newest lastmod of some entries (the index's lastmod for one file), or null. */
export function newestLastmod(entries: readonly SitemapEntry[]): Date | null {
  let best: number | null = null;
  for (const e of entries) {
    const t = e.lastmod === null ? NaN : new Date(e.lastmod).getTime();
    if (!Number.isNaN(t) && (best === null || t > best)) best = t;
  }
  return best === null ? null : new Date(best);
}

/**
 * Splits entries into sitemap files and the index pointing at them (`fileUrl(n)` for n = 1…), for
 * callers that hold every entry; the routes page through the database instead, with the same rule.
 */
export function sitemapChunks(
  entries: readonly SitemapEntry[],
  fileUrl: (n: number) => string,
  limit: number = SITEMAP_LIMIT,
): { index: string | null; files: string[] } {
  if (entries.length <= limit) return { index: null, files: [sitemapXml(entries)] };
  const files: string[] = [];
  const refs: SitemapEntry[] = [];
  for (let i = 0; i < entries.length; i += limit) {
    const chunk = entries.slice(i, i + limit);
    files.push(sitemapXml(chunk));
    refs.push({ loc: fileUrl(files.length), lastmod: newestLastmod(chunk) });
  }
  return { index: sitemapIndexXml(refs), files };
}

/**
 * Crawlers may read the published pages and the sitemaps, nothing else: the studio and its API are
 * private, and "everything but" stays right as the studio grows. The Allow lines come first for
 * crawlers that take the first matching rule; Google and Bing take the longest, same answer.
 */
export function robotsTxt(origin: string): string {
  return [
    "User-agent: *",
    "Allow: /p/",
    "Allow: /sitemap.xml",
    "Allow: /sitemaps/",
    "Disallow: /api/",
    "Disallow: /",
    "",
    `Sitemap: ${origin}/sitemap.xml`,
    "",
  ].join("\n");
}
