/**
 * A complete, safe HTML document for an SEO page. Every text and attribute is escaped; the only
 * script is the JSON-LD block, whose JSON has `</` written as `<\/` (and `<!--` as `\u003c!--`) so
 * nothing in a string can close the script element.
 */
import type { SeoPageContent } from "@/lib/schemas/drafts";
import { SEO_PAGE_LIMITS } from "./limits";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/** JSON for a `<script type="application/ld+json">` element; still valid JSON with the same value. */
export function jsonLdScriptText(value: unknown): string {
  return (JSON.stringify(value, null, 2) ?? "null")
    .replace(/<\//g, "<\\/")
    .replace(/<!--/g, "\\u003c!--")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Only http(s) and root-relative URLs are written into `href`. */
function safeHref(url: string): string | null {
  const u = url.trim();
  if (/^https?:\/\/[^\s]+$/i.test(u)) return u;
  if (/^\/(?!\/)[^\s]*$/.test(u)) return u;
  return null;
}

function paragraphs(text: string, indent: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `${indent}<p>${escapeHtml(p).replace(/\r?\n/g, "<br>")}</p>`)
    .join("\n");
}

export type SeoHtmlOptions = { lang?: string };

export function renderSeoHtml(content: SeoPageContent, options: SeoHtmlOptions = {}): string {
  const lang = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(options.lang ?? "") ? (options.lang as string) : "en";
  const head: string[] = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(content.title)}</title>`,
    `<meta name="description" content="${escapeHtml(content.metaDescription)}">`,
  ];
  const canonical = safeHref(content.canonicalUrl);
  if (canonical) head.push(`<link rel="canonical" href="${escapeHtml(canonical)}">`);
  if (content.jsonLd !== null && content.jsonLd !== undefined) {
    head.push(`<script type="application/ld+json">\n${jsonLdScriptText(content.jsonLd)}\n</script>`);
  }

  const body: string[] = [`<h1>${escapeHtml(content.h1)}</h1>`];
  if (content.intro.trim()) body.push(paragraphs(content.intro, ""));
  for (const section of content.sections) {
    body.push(
      ["<section>", `  <h2>${escapeHtml(section.heading)}</h2>`, paragraphs(section.body, "  "), "</section>"]
        .filter(Boolean)
        .join("\n"),
    );
  }
  if (content.faq.length > 0) {
    const items = content.faq.flatMap((f) => [`  <h3>${escapeHtml(f.question)}</h3>`, paragraphs(f.answer, "  ")]);
    body.push(
      ["<section>", "  <h2>Frequently asked questions</h2>", ...items, "</section>"].filter(Boolean).join("\n"),
    );
  }
  if (content.internalLinks.length > 0) {
    const links = content.internalLinks.map((l) => {
      const slug = SEO_PAGE_LIMITS.slugPattern.test(l.slug) ? l.slug : encodeURIComponent(l.slug);
      return `    <li><a href="/${escapeHtml(slug)}">${escapeHtml(l.title)}</a></li>`;
    });
    body.push(['<nav aria-label="Related pages">', "  <ul>", ...links, "  </ul>", "</nav>"].join("\n"));
  }

  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(lang)}">`,
    "<head>",
    ...head,
    "</head>",
    "<body>",
    "<main>",
    "<article>",
    ...body,
    "</article>",
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
