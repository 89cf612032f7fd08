import { describe, expect, it } from "vitest";
import type { SeoPageContent } from "@/lib/schemas/drafts";
import { validateJsonLd } from "../index";
import { buildPageJsonLd, type PageJsonLdInput } from "./page";

const page: SeoPageContent = {
  format: "seo_page",
  title: "Summit 45 backpack in Munich | Northwind",
  metaDescription: "The Summit 45 backpack for weekend hikers in Munich: 45 litres, rain cover, hip belt pockets.",
  h1: "Summit 45 backpack for hikers in Munich",
  slug: "summit-45-munich",
  canonicalUrl: "https://shop.example.com/summit-45-munich",
  intro: "Intro.",
  sections: [{ heading: "Fit", body: "Adjustable back." }],
  faq: [{ question: "Is there a rain cover?", answer: "Yes, in the lid pocket." }],
  internalLinks: [],
  jsonLd: null,
};
const workspace = { name: "Northwind Outdoor", url: "https://shop.example.com" };

function build(over: Partial<PageJsonLdInput> = {}) {
  return buildPageJsonLd({ type: "WebPage", page, workspace, ...over });
}
type N = Record<string, unknown>;
const nodes = (doc: ReturnType<typeof build>) => doc["@graph"] as unknown as N[];
const node = (doc: ReturnType<typeof build>, type: string) => nodes(doc).find((n) => n["@type"] === type);
/** Rule ids of the error findings. */
const errors = (doc: unknown) =>
  validateJsonLd(doc)
    .findings.filter((f) => f.severity === "error")
    .map((f) => f.rule);

const PRODUCT_ROW = {
  product: "Summit 45 backpack",
  price: "129,00",
  currency: "EUR",
  availability: "in stock",
  sku: "NW-S45",
  brand: "Northwind",
  image: "https://shop.example.com/img/summit-45.jpg",
};
const BUSINESS_ROW = {
  store_name: "Northwind Munich",
  street_address: "Marienplatz 1",
  city: "Munich",
  postal_code: "80331",
  country: "DE",
  telephone: "+49 89 123456",
};

describe("buildPageJsonLd: WebPage", () => {
  it("links a WebPage, its breadcrumb and an FAQPage by @id under the canonical URL", () => {
    const doc = build();
    expect(doc["@context"]).toBe("https://schema.org");
    expect(nodes(doc).map((n) => n["@type"])).toEqual(["WebPage", "BreadcrumbList", "FAQPage"]);
    expect(node(doc, "WebPage")).toMatchObject({
      "@id": `${page.canonicalUrl}#webpage`,
      url: page.canonicalUrl,
      name: page.title,
      headline: page.h1,
      description: page.metaDescription,
      breadcrumb: { "@id": `${page.canonicalUrl}#breadcrumb` },
      publisher: { "@type": "Organization", name: "Northwind Outdoor", url: "https://shop.example.com" },
    });
    expect(node(doc, "WebPage")).not.toHaveProperty("mainEntity");
    expect(node(doc, "BreadcrumbList")).toMatchObject({
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "Northwind Outdoor", item: "https://shop.example.com/" },
        { "@type": "ListItem", position: 2, name: page.h1, item: page.canonicalUrl },
      ],
    });
    expect(node(doc, "FAQPage")).toMatchObject({
      isPartOf: { "@id": `${page.canonicalUrl}#webpage` },
      mainEntity: [
        {
          "@type": "Question",
          name: "Is there a rain cover?",
          acceptedAnswer: { "@type": "Answer", text: "Yes, in the lid pocket." },
        },
      ],
    });
  });

  it("passes both layers for a complete page", () => {
    const r = validateJsonLd(build());
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it("without a site URL: no URLs, no breadcrumb, the main entity nested in the WebPage", () => {
    const doc = build({
      type: "Product",
      page: { ...page, canonicalUrl: "/summit-45-munich" },
      workspace: { name: "Northwind Outdoor", url: null },
      data: PRODUCT_ROW,
    });
    expect(nodes(doc).map((n) => n["@type"])).toEqual(["WebPage", "FAQPage"]);
    expect(JSON.stringify(doc)).not.toContain('"@id"');
    expect(JSON.stringify(doc)).not.toContain('"url"');
    expect(node(doc, "WebPage")!.mainEntity).toMatchObject({ "@type": "Product", name: "Summit 45 backpack" });
    expect(errors(doc)).toEqual([]);
  });

  it("leaves out blank texts and questions without answers, and an FAQPage without questions", () => {
    const doc = build({ page: { ...page, title: " ", faq: [{ question: "Q?", answer: " " }] } });
    expect(node(doc, "WebPage")).not.toHaveProperty("name");
    expect(node(doc, "FAQPage")).toBeUndefined();
    expect(JSON.stringify(doc)).not.toContain("undefined");
  });

  it("lists the copy's internal links as related links", () => {
    const doc = build({ page: { ...page, internalLinks: [{ slug: "ridgeline-2-munich", title: "Ridgeline 2" }] } });
    expect(node(doc, "WebPage")!.relatedLink).toEqual(["https://shop.example.com/ridgeline-2-munich"]);
  });
});

describe("buildPageJsonLd: Product", () => {
  it("makes a Product with its Offer from the row, and passes both layers", () => {
    const doc = build({ type: "Product", data: PRODUCT_ROW });
    expect(nodes(doc).map((n) => n["@type"])).toEqual(["WebPage", "Product", "BreadcrumbList", "FAQPage"]);
    expect(node(doc, "WebPage")!.mainEntity).toEqual({ "@id": `${page.canonicalUrl}#product` });
    expect(node(doc, "Product")).toEqual({
      "@type": "Product",
      "@id": `${page.canonicalUrl}#product`,
      name: "Summit 45 backpack",
      description: page.metaDescription,
      image: PRODUCT_ROW.image,
      sku: "NW-S45",
      brand: { "@type": "Brand", name: "Northwind" },
      url: page.canonicalUrl,
      offers: {
        "@type": "Offer",
        price: "129.00",
        priceCurrency: "EUR",
        availability: "https://schema.org/InStock",
        url: page.canonicalUrl,
      },
    });
    expect(errors(doc)).toEqual([]);
    expect(validateJsonLd(doc).richResults).toContainEqual(
      expect.objectContaining({ type: "Product", eligible: true, shown: true }),
    );
  });

  it("invents no offer, rating or review: without a price the Product fails Google's rule", () => {
    const doc = build({ type: "Product", data: { product: "Summit 45 backpack" } });
    const product = node(doc, "Product")!;
    expect(product).not.toHaveProperty("offers");
    expect(product).not.toHaveProperty("aggregateRating");
    expect(product).not.toHaveProperty("review");
    expect(errors(doc)).toContain("google.product.offers-or-review-or-rating");
  });

  it("keeps a price without its currency, so the missing currency is what is flagged", () => {
    const doc = build({ type: "Product", data: { product: "Summit 45 backpack", price: "129" } });
    expect(node(doc, "Product")!.offers).toEqual({ "@type": "Offer", price: "129", url: page.canonicalUrl });
    expect(errors(doc)).toContain("google.offer.priceCurrency");
  });

  it("names no product the row does not name", () => {
    const doc = build({ type: "Product", data: { price: "129", currency: "EUR" } });
    expect(node(doc, "Product")).not.toHaveProperty("name");
    expect(errors(doc)).toContain("google.product.name");
  });
});

describe("buildPageJsonLd: LocalBusiness", () => {
  it("makes a LocalBusiness with its PostalAddress from the row, and passes both layers", () => {
    const doc = build({ type: "LocalBusiness", data: { ...BUSINESS_ROW, lat: "48.137", lng: "11.575" } });
    expect(node(doc, "LocalBusiness")).toEqual({
      "@type": "LocalBusiness",
      "@id": `${page.canonicalUrl}#business`,
      name: "Northwind Munich",
      description: page.metaDescription,
      url: page.canonicalUrl,
      address: {
        "@type": "PostalAddress",
        streetAddress: "Marienplatz 1",
        addressLocality: "Munich",
        postalCode: "80331",
        addressCountry: "DE",
      },
      geo: { "@type": "GeoCoordinates", latitude: "48.137", longitude: "11.575" },
      telephone: "+49 89 123456",
    });
    expect(errors(doc)).toEqual([]);
  });

  it("is the workspace's own business when the row names none", () => {
    const doc = build({ type: "LocalBusiness", data: { street: "Marienplatz 1", city: "Munich", zip: "80331" } });
    expect(node(doc, "LocalBusiness")).toMatchObject({ name: "Northwind Outdoor" });
  });

  it("without an address the business fails Google's rule; a partial address names what is missing", () => {
    expect(errors(build({ type: "LocalBusiness", data: {} }))).toContain("google.localbusiness.address");
    const partial = build({ type: "LocalBusiness", data: { city: "Munich" } });
    expect(node(partial, "LocalBusiness")!.address).toEqual({ "@type": "PostalAddress", addressLocality: "Munich" });
    expect(errors(partial)).toEqual(
      expect.arrayContaining(["google.localbusiness.address.streetAddress", "google.localbusiness.address.postalCode"]),
    );
  });
});

describe("buildPageJsonLd: Article", () => {
  it("makes an Article by the workspace with the page's headline, and passes both layers", () => {
    const doc = build({
      type: "Article",
      data: { date_published: "2026-05-01", image: "https://shop.example.com/img/a.jpg" },
    });
    expect(node(doc, "Article")).toEqual({
      "@type": "Article",
      "@id": `${page.canonicalUrl}#article`,
      headline: page.h1,
      description: page.metaDescription,
      image: "https://shop.example.com/img/a.jpg",
      datePublished: "2026-05-01",
      author: {
        "@type": "Organization",
        "@id": "https://shop.example.com/#organization",
        name: "Northwind Outdoor",
        url: "https://shop.example.com",
      },
      publisher: {
        "@type": "Organization",
        "@id": "https://shop.example.com/#organization",
        name: "Northwind Outdoor",
        url: "https://shop.example.com",
      },
    });
    expect(errors(doc)).toEqual([]);
  });

  it("takes a named author as a Person, and dates only from the data", () => {
    const doc = build({ type: "Article", data: { author: "Jane Doe" } });
    expect(node(doc, "Article")!.author).toEqual({ "@type": "Person", name: "Jane Doe" });
    expect(node(doc, "Article")).not.toHaveProperty("datePublished");
    const r = validateJsonLd(doc);
    expect(r.valid).toBe(true);
  });

  it("a date the data gets wrong is flagged, not dropped", () => {
    const doc = build({ type: "Article", data: { date_published: "31/12/2026" } });
    expect(node(doc, "Article")!.datePublished).toBe("31/12/2026");
    expect(errors(doc)).toContain("vocab.invalid-date");
  });
});
