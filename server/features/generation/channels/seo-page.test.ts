import { describe, expect, it } from "vitest";
import { SeoPageContent } from "@/lib/schemas/drafts";
import { inspectHtml } from "./html-inspect";
import { renderSeoHtml } from "./seo-html";
import { seoPageModule, validateSeoPage } from "./seo-page";
import { codes, CTX, ctx } from "./test-helpers";

const GEN = {
  title: "Northwind Flask: Cold for 24 Hours",
  metaDescription:
    "The Northwind Flask keeps drinks cold for 24 hours, is made from recycled steel and has a lifetime warranty.",
  headline: "The Northwind Flask, explained",
  intro: "The Northwind Flask keeps drinks cold for 24 hours.\n\nIt is built for commuters.",
  sections: [
    { heading: "Materials", body: "It is made from recycled stainless steel." },
    { heading: "Warranty", body: "Every flask comes with a lifetime warranty." },
    { heading: "  ", body: " " },
  ],
  faq: [
    { question: "How long does it keep drinks cold?", answer: "For 24 hours." },
    { question: "Unanswered?", answer: "" },
  ],
};

async function page(overrides = {}) {
  return seoPageModule.toContent(GEN, ctx(overrides));
}

describe("seo_page toContent", () => {
  it("derives the slug from the title, the canonical URL from the site, and drops empty parts", async () => {
    const c = await page();
    expect(c.slug).toBe("northwind-flask-cold-for-24-hours");
    expect(c.canonicalUrl).toBe("https://www.northwind.example/northwind-flask-cold-for-24-hours");
    expect(c.h1).toBe("The Northwind Flask, explained");
    expect(c.intro).toBe("The Northwind Flask keeps drinks cold for 24 hours.\n\nIt is built for commuters.");
    expect(c.sections).toHaveLength(2);
    expect(c.faq).toEqual([{ question: "How long does it keep drinks cold?", answer: "For 24 hours." }]);
    expect(c.internalLinks).toEqual([]);
    expect(c.jsonLd).toBeNull();
    expect(SeoPageContent.safeParse(c).success).toBe(true);
  });

  it("uses the caller's slug and a root-relative canonical without a site URL", async () => {
    const c = await page({ slug: "flask-guide", siteUrl: null });
    expect(c.slug).toBe("flask-guide");
    expect(c.canonicalUrl).toBe("/flask-guide");
    expect((await page({ siteUrl: "https://shop.example/" })).canonicalUrl).toBe(
      "https://shop.example/northwind-flask-cold-for-24-hours",
    );
  });
});

describe("seo_page validate", () => {
  it("passes a good page", async () => {
    expect(validateSeoPage(await page(), CTX)).toEqual([]);
  });

  it("warns on a title over 60 and a meta description outside 70–160", async () => {
    const c = await page();
    expect(codes(validateSeoPage({ ...c, title: "t".repeat(60) }, CTX))).toEqual([]);
    expect(validateSeoPage({ ...c, title: "t".repeat(61) }, CTX)).toEqual([
      expect.objectContaining({ field: "title", level: "warning", code: "title_long" }),
    ]);
    expect(codes(validateSeoPage({ ...c, metaDescription: "m".repeat(70) }, CTX))).toEqual([]);
    expect(codes(validateSeoPage({ ...c, metaDescription: "m".repeat(160) }, CTX))).toEqual([]);
    expect(codes(validateSeoPage({ ...c, metaDescription: "m".repeat(69) }, CTX))).toEqual(["meta_description_length"]);
    expect(codes(validateSeoPage({ ...c, metaDescription: "m".repeat(161) }, CTX))).toEqual([
      "meta_description_length",
    ]);
  });

  it("errors on an empty h1 and on an invalid slug", async () => {
    const c = await page();
    expect(codes(validateSeoPage({ ...c, h1: " " }, CTX), "error")).toEqual(["h1_empty"]);
    for (const slug of ["Flask-Guide", "flask--guide", "-flask", "flask guide", "flask_guide", "", "flask/guide"]) {
      expect(codes(validateSeoPage({ ...c, slug }, CTX), "error"), slug).toEqual(["slug_invalid"]);
    }
    expect(codes(validateSeoPage({ ...c, slug: "flask-2-guide" }, CTX))).toEqual([]);
  });

  it("keeps exactly one h1 when headings contain markup", async () => {
    const c = await page();
    const tricky = { ...c, sections: [{ heading: "<h1>Second</h1>", body: "<h1>Third</h1>" }] };
    expect(validateSeoPage(tricky, CTX)).toEqual([]);
    expect(inspectHtml(renderSeoHtml(tricky)).elements.filter((e) => e.tag === "h1")).toHaveLength(1);
  });

  it("needs an absolute canonical URL when the site URL is set", async () => {
    const c = await page();
    expect(validateSeoPage({ ...c, canonicalUrl: "/flask" }, CTX)).toEqual([
      expect.objectContaining({ field: "canonicalUrl", level: "error", code: "canonical_not_absolute" }),
    ]);
    expect(codes(validateSeoPage({ ...c, canonicalUrl: "javascript:alert(1)" }, CTX), "error")).toEqual([
      "canonical_not_absolute",
    ]);
    const noSite = ctx({ siteUrl: null });
    expect(codes(validateSeoPage(await page({ siteUrl: null }), noSite))).toEqual(["canonical_relative"]);
  });

  it("errors on incomplete FAQ items and invalid internal link slugs", async () => {
    const c = await page();
    expect(codes(validateSeoPage({ ...c, faq: [{ question: "Q?", answer: "" }] }, CTX), "error")).toEqual([
      "faq_incomplete",
    ]);
    const links = [
      { slug: "ok-slug", title: "Fine" },
      { slug: "Not OK", title: "Bad" },
    ];
    expect(validateSeoPage({ ...c, internalLinks: links }, CTX)).toEqual([
      expect.objectContaining({ field: "internalLinks[1].slug", code: "internal_link_slug" }),
    ]);
  });
});

describe("renderSeoHtml", () => {
  it("renders title, description, canonical, one h1, h2 sections, FAQ and internal links", async () => {
    const c = { ...(await page()), internalLinks: [{ slug: "steel-care", title: "Caring for steel" }] };
    const html = renderSeoHtml(c);
    expect(html.startsWith("<!doctype html>\n")).toBe(true);
    const els = inspectHtml(html).elements;
    const one = (tag: string) => els.filter((e) => e.tag === tag);
    expect(one("title").map((e) => e.text)).toEqual([c.title]);
    expect(one("meta").find((e) => e.attrs.name === "description")?.attrs.content).toBe(c.metaDescription);
    expect(one("link").find((e) => e.attrs.rel === "canonical")?.attrs.href).toBe(c.canonicalUrl);
    expect(one("h1").map((e) => e.text)).toEqual(["The Northwind Flask, explained"]);
    expect(one("h2").map((e) => e.text)).toEqual(["Materials", "Warranty", "Frequently asked questions"]);
    expect(one("h3").map((e) => e.text)).toEqual(["How long does it keep drinks cold?"]);
    expect(one("p").map((e) => e.text)).toContain("It is built for commuters.");
    expect(one("a").map((e) => [e.attrs.href, e.text])).toEqual([["/steel-care", "Caring for steel"]]);
    expect(one("script")).toHaveLength(0);
  });

  it("keeps a <script> in the title inert and escapes attributes", async () => {
    const c = {
      ...(await page()),
      title: '<script>alert("t")</script>',
      metaDescription: '"><script>alert(1)</script>',
      h1: "Fish & <b>chips</b>",
    };
    const html = renderSeoHtml(c);
    expect(html).not.toMatch(/<script>alert/);
    expect(html).toContain("<title>&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;</title>");
    const els = inspectHtml(html).elements;
    expect(els.filter((e) => e.tag === "script")).toHaveLength(0);
    expect(els.filter((e) => e.tag === "b")).toHaveLength(0);
    expect(els.find((e) => e.tag === "title")?.text).toBe('<script>alert("t")</script>');
    expect(els.find((e) => e.tag === "meta" && e.attrs.name === "description")?.attrs.content).toBe(
      '"><script>alert(1)</script>',
    );
    expect(els.find((e) => e.tag === "h1")?.text).toBe("Fish & <b>chips</b>");
  });

  it("escapes </ inside JSON-LD strings so the script element cannot be closed early", async () => {
    const jsonLd = {
      "@context": "https://schema.org",
      "@type": "Article",
      headline: "Bad </script><script>alert(1)</script> <!-- x",
    };
    const html = renderSeoHtml({ ...(await page()), jsonLd });
    expect(html).toContain("<\\/script>");
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    const scripts = inspectHtml(html).elements.filter((e) => e.tag === "script");
    expect(scripts).toHaveLength(1);
    expect(scripts[0]?.attrs.type).toBe("application/ld+json");
    expect(JSON.parse(scripts[0]?.text ?? "")).toEqual(jsonLd);
  });

  it("drops unsafe canonical URLs", async () => {
    const html = renderSeoHtml({ ...(await page()), canonicalUrl: "javascript:alert(1)" });
    expect(html).not.toContain("javascript:");
    expect(inspectHtml(html).elements.some((e) => e.tag === "link")).toBe(false);
  });
});

describe("seo_page fields", () => {
  it("lists the texts in reading order and writes them back, keeping slug and canonical URL", async () => {
    const c = await page();
    const fields = seoPageModule.fields(c);
    expect(fields.map((f) => f.path)).toEqual([
      "title",
      "metaDescription",
      "h1",
      "intro",
      "sections[0].heading",
      "sections[0].body",
      "sections[1].heading",
      "sections[1].body",
      "faq[0].question",
      "faq[0].answer",
    ]);
    const texts = fields.map((f) => `${f.text}!`);
    const next = await seoPageModule.withFields(c, texts, CTX);
    expect(next.title).toBe(`${GEN.title}!`);
    expect(next.faq[0]?.answer).toBe("For 24 hours.!");
    expect(next.slug).toBe(c.slug);
    expect(next.canonicalUrl).toBe(c.canonicalUrl);
    expect(seoPageModule.title(next)).toBe(`${GEN.title}!`);
    expect(c.title).toBe(GEN.title);
  });
});
