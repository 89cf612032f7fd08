import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import type { SeoPageContent } from "@/lib/schemas/drafts";
import { absoluteHttpUrl, canonicalFor, renderPublishedPage } from "./render";

type El = { name: string; attrs: Record<string, string>; text: string };

/** Every element in document order with its (entity-decoded) attributes and own text, plus the structure checks. */
function parse(html: string): { elements: El[]; errors: string[] } {
  const elements: El[] = [];
  const stack: El[] = [];
  const errors: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const el = { name, attrs, text: "" };
        elements.push(el);
        stack.push(el);
      },
      ontext(text) {
        const top = stack[stack.length - 1];
        if (top) top.text += text;
      },
      onclosetag(name, implied) {
        const top = stack.pop();
        if (top?.name !== name) errors.push(`</${name}> closes <${top?.name ?? "nothing"}>`);
        if (implied && !["meta", "link", "br"].includes(name)) errors.push(`<${name}> closed implicitly`);
      },
      oncomment(text) {
        errors.push(`comment: ${text}`);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: false },
  );
  parser.write(html);
  parser.end();
  if (stack.length) errors.push(`unclosed: ${stack.map((e) => e.name).join(", ")}`);
  return { elements, errors };
}

const metaContent = (els: El[], key: string) =>
  els
    .filter((e) => e.name === "meta" && (e.attrs.property === key || e.attrs.name === key))
    .map((e) => e.attrs.content);

function content(over: Partial<SeoPageContent> = {}): SeoPageContent {
  return {
    format: "seo_page",
    title: "Summit 45 backpack",
    metaDescription: "A 45 litre pack for weekend hikes.",
    h1: "The Summit 45",
    slug: "summit-45",
    canonicalUrl: "https://shop.example.com/summit-45",
    intro: "Light and tough.\n\nBuilt for two nights out.",
    sections: [{ heading: "Fit", body: "Adjustable back panel." }],
    faq: [{ question: "Is it waterproof?", answer: "It is water resistant." }],
    internalLinks: [{ slug: "trail-tents", title: "Trail tents" }],
    jsonLd: { "@context": "https://schema.org", "@type": "Product", name: "Summit 45" },
    ...over,
  };
}

const opts = {
  pageUrl: "https://studio.example.com/p/summit-45",
  siteName: "Northwind Outdoor",
  lang: "en-GB",
  publishedAt: new Date("2025-03-01T10:00:00.000Z"),
  modifiedAt: new Date("2025-03-04T12:30:00.000Z"),
};

describe("renderPublishedPage", () => {
  it("adds the canonical link, Open Graph, Twitter and generator tags to the SEO document", () => {
    const html = renderPublishedPage(content(), opts);
    const { elements, errors } = parse(html);
    expect(errors).toEqual([]);
    expect(html.startsWith("<!doctype html>\n")).toBe(true);
    expect(elements.find((e) => e.name === "html")?.attrs.lang).toBe("en-GB");

    const canonical = elements.filter((e) => e.name === "link" && e.attrs.rel === "canonical");
    expect(canonical.map((e) => e.attrs.href)).toEqual(["https://shop.example.com/summit-45"]);
    expect(metaContent(elements, "generator")).toEqual(["Lectern"]);
    expect(metaContent(elements, "og:type")).toEqual(["article"]);
    expect(metaContent(elements, "og:title")).toEqual(["Summit 45 backpack"]);
    expect(metaContent(elements, "og:description")).toEqual(["A 45 litre pack for weekend hikes."]);
    expect(metaContent(elements, "og:url")).toEqual(["https://shop.example.com/summit-45"]);
    expect(metaContent(elements, "og:site_name")).toEqual(["Northwind Outdoor"]);
    expect(metaContent(elements, "article:published_time")).toEqual(["2025-03-01T10:00:00.000Z"]);
    expect(metaContent(elements, "article:modified_time")).toEqual(["2025-03-04T12:30:00.000Z"]);
    expect(metaContent(elements, "twitter:card")).toEqual(["summary"]);
    expect(metaContent(elements, "description")).toEqual(["A 45 litre pack for weekend hikes."]);

    // The new tags are in <head>, before the body starts.
    const headEnd = html.indexOf("</head>");
    expect(html.indexOf('property="og:title"')).toBeLessThan(headEnd);
    expect(html.indexOf("<body>")).toBeGreaterThan(headEnd);

    expect(elements.find((e) => e.name === "h1")?.text).toBe("The Summit 45");
    expect(elements.find((e) => e.name === "title")?.text).toBe("Summit 45 backpack");
    // Internal links point where Lectern serves the sibling pages.
    expect(elements.filter((e) => e.name === "a").map((e) => e.attrs.href)).toEqual(["/p/trail-tents"]);
  });

  it("falls back to the page's own URL when the content's canonical is not an absolute http(s) URL", () => {
    for (const canonicalUrl of ["", "/summit-45", "javascript:alert(1)", "//evil.example/x", "ftp://x.example/y"]) {
      const { elements } = parse(renderPublishedPage(content({ canonicalUrl }), opts));
      const links = elements.filter((e) => e.name === "link" && e.attrs.rel === "canonical").map((e) => e.attrs.href);
      expect(links, canonicalUrl).toEqual(["https://studio.example.com/p/summit-45"]);
      expect(metaContent(elements, "og:url")).toEqual(["https://studio.example.com/p/summit-45"]);
    }
    // Neither known: no canonical link and no og:url rather than a relative guess.
    const { elements } = parse(renderPublishedPage(content({ canonicalUrl: "/x" }), { ...opts, pageUrl: null }));
    expect(elements.filter((e) => e.name === "link" && e.attrs.rel === "canonical")).toEqual([]);
    expect(metaContent(elements, "og:url")).toEqual([]);
  });

  it("escapes hostile text everywhere and keeps the JSON-LD parseable and equal to the input", () => {
    const evil = `"><script>alert(1)</script><!-- ' & </head></style>`;
    const jsonLd = {
      "@context": "https://schema.org",
      "@type": "Article",
      headline: `</script><script>alert("x")</script>`,
      description: "<!-- comment --> and \u2028 line separator",
      about: { name: `<a href="/x">link</a> </head>` },
    };
    const hostile = content({
      title: evil,
      metaDescription: evil,
      h1: evil,
      intro: evil,
      canonicalUrl: `https://shop.example.com/a"onmouseover="alert(1)`,
      sections: [{ heading: evil, body: evil }],
      faq: [{ question: evil, answer: evil }],
      internalLinks: [{ slug: `x"><script>`, title: evil }],
      jsonLd,
    });
    const html = renderPublishedPage(hostile, { ...opts, siteName: evil });
    const { elements, errors } = parse(html);
    expect(errors).toEqual([]);

    // Exactly one script element, the JSON-LD, and it parses back to the input.
    const scripts = elements.filter((e) => e.name === "script");
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.attrs.type).toBe("application/ld+json");
    expect(JSON.parse(scripts[0]!.text)).toEqual(jsonLd);
    // One <style> (ours), one <head>, one <body>; no event handler attributes anywhere.
    expect(elements.filter((e) => e.name === "style")).toHaveLength(1);
    expect(elements.filter((e) => e.name === "head")).toHaveLength(1);
    expect(elements.filter((e) => e.name === "body")).toHaveLength(1);
    expect(elements.flatMap((e) => Object.keys(e.attrs)).filter((a) => a.startsWith("on"))).toEqual([]);

    // Text round-trips: what a reader sees is the input, not markup.
    expect(elements.find((e) => e.name === "title")?.text).toBe(evil);
    expect(elements.find((e) => e.name === "h1")?.text).toBe(evil);
    expect(metaContent(elements, "og:title")).toEqual([evil]);
    expect(metaContent(elements, "og:description")).toEqual([evil]);
    expect(metaContent(elements, "og:site_name")).toEqual([evil.trim()]);
    expect(metaContent(elements, "twitter:title")).toEqual([evil]);

    // The canonical URL comes out normalized: the quote is percent-encoded, not an attribute break.
    const canonical = elements.find((e) => e.name === "link" && e.attrs.rel === "canonical")?.attrs.href;
    expect(canonical).toBe("https://shop.example.com/a%22onmouseover=%22alert(1)");
    // The JSON-LD's `<a href="/` text is left as it is (only the body's links move under /p/).
    expect(scripts[0]!.text).not.toContain('href="/p/x');
    const links = elements.filter((e) => e.name === "a").map((e) => e.attrs.href);
    expect(links).toHaveLength(1);
    expect(links[0]!.startsWith("/p/")).toBe(true);
    expect(links[0]).not.toContain('"');
  });

  it("leaves out og:site_name for a blank site name and writes no JSON-LD script without JSON-LD", () => {
    const { elements, errors } = parse(renderPublishedPage(content({ jsonLd: null }), { ...opts, siteName: "  " }));
    expect(errors).toEqual([]);
    expect(metaContent(elements, "og:site_name")).toEqual([]);
    expect(elements.filter((e) => e.name === "script")).toEqual([]);
  });
});

describe("absoluteHttpUrl / canonicalFor", () => {
  it("accepts absolute http(s) URLs only, normalized", () => {
    expect(absoluteHttpUrl("https://Example.COM/a b")).toBe("https://example.com/a%20b");
    expect(absoluteHttpUrl(" http://example.com ")).toBe("http://example.com/");
    expect(absoluteHttpUrl("https://user:pw@example.com/")).toBeNull();
    expect(absoluteHttpUrl("mailto:a@example.com")).toBeNull();
    expect(absoluteHttpUrl("/relative")).toBeNull();
    expect(absoluteHttpUrl(null)).toBeNull();
  });

  it("prefers the content's canonical, then the page URL", () => {
    expect(canonicalFor({ canonicalUrl: "https://a.example/x" }, "https://b.example/p/x")).toBe("https://a.example/x");
    expect(canonicalFor({ canonicalUrl: "/x" }, "https://b.example/p/x")).toBe("https://b.example/p/x");
    expect(canonicalFor({ canonicalUrl: "/x" }, null)).toBeNull();
  });
});
