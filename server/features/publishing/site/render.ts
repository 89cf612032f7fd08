/**
 * The document Lectern serves at `/p/<slug>`: the SEO page as `renderSeoHtml` writes it (escaped
 * text, one JSON-LD script), plus what a public page needs on top: one canonical link, Open Graph
 * and Twitter card tags, a generator tag and a small readable stylesheet. It is rendered once per
 * publish and stored (PublishedPage.html), so serving a page never re-renders it.
 */
import type { SeoPageContent } from "@/lib/schemas/drafts";
import { escapeHtml, renderSeoHtml } from "@/server/features/generation/channels/seo-html";

export type PublishedPageOptions = {
  /** Where Lectern serves the page (absolute), or null when the public origin is not known. */
  pageUrl: string | null;
  /** The workspace's name, for og:site_name. */
  siteName: string;
  lang?: string;
  publishedAt: Date;
  modifiedAt: Date;
};

/** Where Lectern serves sibling pages: the content's internal links (`/<slug>`) are written under it. */
export const PAGE_PATH_PREFIX = "/p/";

/** An absolute http(s) URL without credentials, normalized (so quotes and spaces come out percent-encoded). */
export function absoluteHttpUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const u = new URL(trimmed);
    if ((u.protocol !== "http:" && u.protocol !== "https:") || !u.hostname || u.username || u.password) return null;
    return u.href;
  } catch {
    return null;
  }
}

/** The content's own canonical URL when it is absolute, else where Lectern serves the page. */
export function canonicalFor(content: Pick<SeoPageContent, "canonicalUrl">, pageUrl: string | null): string | null {
  return absoluteHttpUrl(content.canonicalUrl) ?? absoluteHttpUrl(pageUrl);
}

// Fixed text, no user input: keeps a page readable without any studio CSS.
const STYLE = [
  "<style>",
  ":root{color-scheme:light dark}",
  "body{margin:0;font:17px/1.6 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}",
  "main{max-width:42rem;margin:0 auto;padding:3rem 1.25rem 4rem}",
  "h1{font-size:2rem;line-height:1.2;margin:0 0 1.25rem}",
  "h2{font-size:1.35rem;margin:2.25rem 0 .5rem}",
  "h3{font-size:1.05rem;margin:1.5rem 0 .25rem}",
  "nav{margin-top:2.5rem;border-top:1px solid #8884;padding-top:1rem}",
  "a{color:LinkText}",
  "</style>",
].join("\n");

function meta(attr: "name" | "property", key: string, value: string): string {
  return `<meta ${attr}="${key}" content="${escapeHtml(value)}">`;
}

export function renderPublishedPage(content: SeoPageContent, opts: PublishedPageOptions): string {
  const canonical = canonicalFor(content, opts.pageUrl);
  // renderSeoHtml would also write a root-relative canonical; the published page has exactly one,
  // absolute (search engines and social cards resolve it without guessing the host).
  const base = renderSeoHtml({ ...content, canonicalUrl: "" }, { lang: opts.lang });

  const tags: string[] = [
    '<meta name="generator" content="Lectern">',
    ...(canonical ? [`<link rel="canonical" href="${escapeHtml(canonical)}">`] : []),
    meta("property", "og:type", "article"),
    meta("property", "og:title", content.title),
    meta("property", "og:description", content.metaDescription),
    ...(canonical ? [meta("property", "og:url", canonical)] : []),
    ...(opts.siteName.trim() ? [meta("property", "og:site_name", opts.siteName.trim())] : []),
    meta("property", "article:published_time", opts.publishedAt.toISOString()),
    meta("property", "article:modified_time", opts.modifiedAt.toISOString()),
    meta("name", "twitter:card", "summary"),
    meta("name", "twitter:title", content.title),
    meta("name", "twitter:description", content.metaDescription),
    STYLE,
  ];

  // Every user text in `base` is escaped and the JSON-LD cannot contain `</`, so the first
  // `</head>` is the real one, and in the body `<a href="/` can only be an internal link the
  // renderer wrote (the head is left alone: a JSON-LD string may hold any text but `</`).
  const end = base.indexOf("\n</head>\n");
  if (end < 0) throw new Error("renderPublishedPage: the SEO document has no </head>");
  const body = base.slice(end).replaceAll('<a href="/', `<a href="${PAGE_PATH_PREFIX}`);
  return base.slice(0, end) + "\n" + tags.join("\n") + body;
}
