import { describe, expect, it } from "vitest";
import type { EmailContent, GoogleRsaContent, SeoPageContent } from "@/lib/schemas/drafts";
import { changedFields, editableFields, getField, pairFields, parsePath, setField } from "./fields";

const seo: SeoPageContent = {
  format: "seo_page",
  title: "Summit 45",
  metaDescription: "A pack",
  h1: "Summit 45 backpack",
  slug: "summit-45",
  canonicalUrl: "https://example.com/summit-45",
  intro: "Intro text.",
  sections: [{ heading: "Fit", body: "Adjustable." }],
  faq: [{ question: "Waterproof?", answer: "Rain cover included." }],
  internalLinks: [{ slug: "trail", title: "Trail" }],
  jsonLd: { "@type": "WebPage" },
};

const rsa: GoogleRsaContent = {
  format: "google_rsa",
  headlines: [
    { text: "Summit 45", pin: 1 },
    { text: "Hike light", pin: null },
  ],
  descriptions: [{ text: "Carry more.", pin: null }],
  path1: "packs",
  path2: "",
  finalUrl: "https://example.com",
};

describe("editable fields", () => {
  it("parses content paths", () => {
    expect(parsePath("sections[1].body")).toEqual(["sections", 1, "body"]);
    expect(parsePath("paragraphs[0]")).toEqual(["paragraphs", 0]);
    expect(parsePath("cta.label")).toEqual(["cta", "label"]);
  });

  it("lists the SEO page's fields with the server's paths", () => {
    expect(editableFields(seo).map((f) => f.path)).toEqual([
      "title",
      "metaDescription",
      "h1",
      "intro",
      "sections[0].heading",
      "sections[0].body",
      "faq[0].question",
      "faq[0].answer",
    ]);
  });

  it("counts ad fields by display width", () => {
    expect(editableFields(rsa).every((f) => f.count === "display")).toBe(true);
    expect(editableFields(rsa).map((f) => f.path)).toContain("headlines[1].text");
  });

  it("sets one field and leaves everything else (pins, slug, JSON-LD) as it was", () => {
    const next = setField(rsa, "headlines[1].text", "Hike lighter");
    expect(next.headlines[1]).toEqual({ text: "Hike lighter", pin: null });
    expect(next.headlines[0]).toEqual(rsa.headlines[0]);
    expect(rsa.headlines[1]!.text).toBe("Hike light");
    const page = setField(seo, "faq[0].answer", "Yes.");
    expect(page.faq[0]!.answer).toBe("Yes.");
    expect(page.jsonLd).toEqual(seo.jsonLd);
    expect(page.internalLinks).toEqual(seo.internalLinks);
  });

  it("ignores unknown paths", () => {
    expect(setField(seo, "sections[5].body", "x")).toBe(seo);
    expect(getField(seo, "nope")).toBeNull();
  });

  it("pairs and diffs fields, including ones only one version has", () => {
    const email: EmailContent = {
      format: "email",
      subject: "Hi",
      preheader: "Pre",
      paragraphs: ["One", "Two"],
      cta: { label: "Shop", url: "https://example.com" },
      html: "<p>One</p>",
      textBody: "One",
      headers: {},
    };
    const shorter = { ...email, subject: "Hello", paragraphs: ["One"] };
    expect(changedFields(email, shorter).map((c) => [c.path, c.before, c.after])).toEqual([
      ["subject", "Hi", "Hello"],
      ["paragraphs[1]", "Two", ""],
    ]);
    expect(pairFields(email, email).every((p) => p.before === p.after)).toBe(true);
  });
});
