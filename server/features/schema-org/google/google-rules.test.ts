/**
 * One valid and one invalid document per Google rule (every entry of GOOGLE_RULES), plus the
 * cross-cutting behaviour: subtypes inherit, eligibility, FAQ retirement, references.
 */
import { describe, expect, it } from "vitest";

import { GOOGLE_RULES_CHECKED, validateJsonLd } from "..";
import { GOOGLE_RULES } from "./rules";
import { ISO_4217_CODES } from "./currencies";

const CTX = "https://schema.org";
type Doc = Record<string, unknown>;
const doc = (node: Doc): Doc => ({ "@context": CTX, ...node });

const offer = { "@type": "Offer", price: "10.00", priceCurrency: "USD", availability: "https://schema.org/InStock" };
const person = { "@type": "Person", name: "Ana Ruiz" };
const address = {
  "@type": "PostalAddress",
  streetAddress: "1 Main St",
  addressLocality: "Springfield",
  postalCode: "12345",
};

type Case = {
  rule: string;
  valid: Doc;
  /** Expected Google findings on `invalid`: `severity rule path`. Other Google findings fail the test. */
  invalid: Doc;
  expected: string[];
};

const CASES: Case[] = [
  {
    rule: "product",
    valid: doc({
      "@type": "Product",
      name: "P",
      image: "https://e.example/p.jpg",
      brand: { "@type": "Brand", name: "B" },
      sku: "1",
      description: "d",
      offers: offer,
    }),
    invalid: doc({ "@type": "Product", image: "https://e.example/p.jpg", brand: "Acme", sku: "1", description: "d" }),
    expected: [
      "error google.product.name $",
      "error google.product.offers-or-review-or-rating $",
      "warning google.product.brand.type $.brand",
    ],
  },
  {
    rule: "offer",
    valid: doc({
      "@type": "Offer",
      priceSpecification: { "@type": "UnitPriceSpecification", price: 5, priceCurrency: "EUR" },
      availability: "InStock",
    }),
    invalid: doc({ "@type": "Offer", price: "5,00", priceCurrency: "usd", availability: "in stock" }),
    expected: [
      "error google.offer.price.invalid $.price",
      "error google.offer.priceCurrency.invalid $.priceCurrency",
      "error google.offer.availability.invalid $.availability",
    ],
  },
  {
    rule: "aggregateoffer",
    valid: doc({ "@type": "AggregateOffer", lowPrice: 10, highPrice: 20, priceCurrency: "JPY", offerCount: 3 }),
    invalid: doc({ "@type": "AggregateOffer", highPrice: "20", priceCurrency: "YEN" }),
    expected: [
      "error google.aggregateoffer.lowPrice $",
      "warning google.aggregateoffer.offerCount $",
      "error google.aggregateoffer.priceCurrency.invalid $.priceCurrency",
    ],
  },
  {
    rule: "aggregaterating",
    valid: doc({
      "@type": "AggregateRating",
      itemReviewed: { "@type": "Book", name: "B" },
      ratingValue: 4.2,
      ratingCount: 10,
    }),
    invalid: doc({ "@type": "AggregateRating", ratingValue: 7, reviewCount: "ten" }),
    expected: [
      "error google.aggregaterating.reviewCount.invalid $.reviewCount",
      "error google.aggregaterating.ratingValue.range $.ratingValue",
      "error google.aggregaterating.itemReviewed $",
    ],
  },
  {
    rule: "rating",
    valid: doc({ "@type": "Rating", ratingValue: 2, bestRating: 3, worstRating: 0 }),
    invalid: doc({ "@type": "Rating", bestRating: 1, worstRating: 5 }),
    expected: ["error google.rating.ratingValue $", "error google.rating.bestRating.range $.bestRating"],
  },
  {
    rule: "review",
    valid: doc({
      "@type": "Review",
      itemReviewed: { "@type": "Product", name: "P", offers: offer },
      author: person,
      reviewRating: { "@type": "Rating", ratingValue: 4 },
      datePublished: "2026-01-01",
    }),
    invalid: doc({ "@type": "Review", author: "Ana", datePublished: "2026-01-01" }),
    expected: [
      "error google.review.author.name $.author",
      "error google.review.reviewRating $",
      "error google.review.author.type $.author",
      "error google.review.itemReviewed $",
    ],
  },
  {
    rule: "article",
    valid: doc({
      "@type": "NewsArticle",
      headline: "H",
      image: "https://e.example/i.jpg",
      datePublished: "2026-01-01",
      dateModified: "2026-01-02",
      author: person,
    }),
    invalid: doc({ "@type": "BlogPosting", headline: "H", author: { "@type": "Person" } }),
    expected: [
      "warning google.article.image $",
      "warning google.article.datePublished $",
      "warning google.article.dateModified $",
      "warning google.article.author.name $.author",
    ],
  },
  {
    rule: "breadcrumblist",
    valid: doc({
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, item: { "@id": "https://e.example/a", name: "A" } },
        { "@type": "ListItem", position: 2, name: "B" },
      ],
    }),
    invalid: doc({
      "@type": "BreadcrumbList",
      itemListElement: [{ "@type": "ListItem", position: 1.5, name: "A", item: "https://e.example/a" }, "B"],
    }),
    expected: [
      "error google.breadcrumblist.position.invalid $.itemListElement[0].position",
      "error google.breadcrumblist.itemListElement.type $.itemListElement[1]",
    ],
  },
  {
    rule: "organization",
    valid: doc({
      "@type": "Corporation",
      name: "O",
      url: "https://o.example",
      logo: "https://o.example/l.png",
      sameAs: "https://s.example/o",
      contactPoint: { "@type": "ContactPoint", telephone: "+1" },
    }),
    invalid: doc({ "@type": "NGO", name: "O", url: "o.example", contactPoint: "+1 555" }),
    expected: [
      "warning google.organization.logo $",
      "warning google.organization.sameAs $",
      "warning google.organization.contactPoint.type $.contactPoint",
      "error google.organization.url.invalid $.url",
    ],
  },
  {
    rule: "localbusiness",
    valid: doc({
      "@type": "Store",
      name: "S",
      address,
      telephone: "+1",
      url: "https://s.example",
      geo: { "@type": "GeoCoordinates", latitude: 1, longitude: 2 },
      openingHoursSpecification: { "@type": "OpeningHoursSpecification", opens: "09:00" },
      priceRange: "$$",
    }),
    invalid: doc({
      "@type": "Store",
      name: "S",
      address: "1 Main St, Springfield",
      telephone: "+1",
      url: "https://s.example",
      geo: { "@type": "GeoCoordinates", latitude: 1, longitude: 2 },
      openingHoursSpecification: { "@type": "OpeningHoursSpecification", opens: "09:00" },
      priceRange: "$$",
    }),
    expected: [
      "error google.localbusiness.address.streetAddress $.address",
      "error google.localbusiness.address.addressLocality $.address",
      "error google.localbusiness.address.postalCode $.address",
      "error google.localbusiness.address.type $.address",
    ],
  },
  {
    rule: "faqpage",
    valid: doc({
      "@type": "FAQPage",
      mainEntity: { "@type": "Question", name: "Q?", acceptedAnswer: { "@type": "Answer", text: "A." } },
    }),
    invalid: doc({ "@type": "FAQPage", mainEntity: [{ "@type": "Answer", text: "A." }] }),
    expected: [
      "error google.faqpage.mainEntity.name $.mainEntity[0]",
      "error google.faqpage.mainEntity.acceptedAnswer $.mainEntity[0]",
      "error google.faqpage.mainEntity.type $.mainEntity[0]",
    ],
  },
  {
    rule: "event",
    valid: doc({
      "@type": "Festival",
      name: "F",
      startDate: "2026-07-01",
      location: { "@type": "Place", name: "Park", address },
      endDate: "2026-07-03",
      eventStatus: "https://schema.org/EventScheduled",
      image: "https://e.example/f.jpg",
      offers: offer,
      organizer: person,
      performer: person,
      description: "d",
    }),
    invalid: doc({
      "@type": "Festival",
      name: "F",
      startDate: "2026-07-01",
      location: "Central Park",
      endDate: "2026-07-03",
      eventStatus: "https://schema.org/EventScheduled",
      image: "https://e.example/f.jpg",
      offers: offer,
      organizer: person,
      performer: person,
      description: "d",
    }),
    expected: ["error google.event.location.type $.location"],
  },
  {
    rule: "recipe",
    valid: doc({
      "@type": "Recipe",
      name: "R",
      image: "https://e.example/r.jpg",
      aggregateRating: { "@type": "AggregateRating", ratingValue: 5, ratingCount: 2 },
      author: person,
      cookTime: "PT10M",
      prepTime: "PT5M",
      totalTime: "PT15M",
      recipeIngredient: ["salt"],
      recipeInstructions: "Mix.",
      nutrition: { "@type": "NutritionInformation", calories: "100 calories" },
      recipeYield: "2",
      keywords: "quick",
      recipeCategory: "Snack",
      recipeCuisine: "French",
      datePublished: "2026-01-01",
      description: "d",
      video: {
        "@type": "VideoObject",
        name: "V",
        thumbnailUrl: "https://e.example/t.jpg",
        uploadDate: "2026-01-01",
        description: "d",
        duration: "PT1M",
        embedUrl: "https://e.example/e",
        expires: "2030-01-01",
      },
    }),
    invalid: doc({ "@type": "Recipe", name: "R", nutrition: { "@type": "NutritionInformation", fatContent: "3 g" } }),
    expected: [
      "error google.recipe.image $",
      "warning google.recipe.nutrition.calories $.nutrition",
      ...[
        "aggregateRating",
        "author",
        "cookTime",
        "prepTime",
        "totalTime",
        "recipeIngredient",
        "recipeInstructions",
      ].map((p) => `warning google.recipe.${p} $`),
      ...["recipeYield", "keywords", "recipeCategory", "recipeCuisine", "datePublished", "description", "video"].map(
        (p) => `warning google.recipe.${p} $`,
      ),
    ],
  },
  {
    rule: "videoobject",
    valid: doc({
      "@type": "VideoObject",
      name: "V",
      thumbnailUrl: "https://e.example/t.jpg",
      uploadDate: "2026-01-01T10:00:00Z",
      description: "d",
      duration: "PT1M",
      contentUrl: "https://e.example/v.mp4",
      expires: "2030-01-01",
    }),
    invalid: doc({
      "@type": "VideoObject",
      name: "V",
      thumbnailUrl: "thumb.jpg",
      uploadDate: "2026-01-01",
      description: "d",
      duration: "PT1M",
      expires: "2030-01-01",
    }),
    expected: [
      "warning google.videoobject.contentUrl-or-embedUrl $",
      "error google.videoobject.thumbnailUrl.invalid $.thumbnailUrl",
    ],
  },
  {
    rule: "jobposting",
    valid: doc({
      "@type": "JobPosting",
      title: "T",
      description: "D",
      datePosted: "2026-01-01",
      hiringOrganization: { "@type": "Organization", name: "O" },
      jobLocation: { "@type": "Place", address },
      validThrough: "2026-03-01",
      employmentType: "PART_TIME",
      baseSalary: { "@type": "MonetaryAmount", currency: "GBP", value: 1 },
      identifier: "J-1",
      directApply: true,
    }),
    invalid: doc({
      "@type": "JobPosting",
      title: "T",
      description: "D",
      hiringOrganization: "O",
      validThrough: "2026-03-01",
      employmentType: "PART_TIME",
      baseSalary: { "@type": "MonetaryAmount", currency: "pounds", value: 1 },
      identifier: "J-1",
      directApply: true,
    }),
    expected: [
      "error google.jobposting.datePosted $",
      "error google.jobposting.hiringOrganization.type $.hiringOrganization",
      "error google.jobposting.baseSalary.currency.invalid $.baseSalary.currency",
      "error google.jobposting.jobLocation $",
    ],
  },
];

function googleFindings(d: Doc): string[] {
  return validateJsonLd(d)
    .findings.filter((f) => f.layer === "google" && f.severity !== "info")
    .map((f) => `${f.severity} ${f.rule} ${f.path}`);
}

describe("Google rich-result rules", () => {
  it.each(CASES.map((c) => [c.rule, c] as const))(
    "%s: valid document has no Google findings; invalid one has exactly the expected ones",
    (_rule, c) => {
      expect(googleFindings(c.valid)).toEqual([]);
      expect(validateJsonLd(c.valid).errorCount).toBe(0);
      expect(googleFindings(c.invalid).sort()).toEqual([...c.expected].sort());
    },
  );

  it("has a case for every rule", () => {
    expect(new Set(CASES.map((c) => c.rule))).toEqual(new Set(GOOGLE_RULES.map((r) => r.id)));
  });

  it("records when and where each rule was checked", () => {
    for (const rule of GOOGLE_RULES) {
      expect(rule.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(rule.checked <= GOOGLE_RULES_CHECKED).toBe(true);
      expect(rule.source).toMatch(/^https:\/\/developers\.google\.com\/search\/docs\//);
    }
  });

  it("applies rules to subtypes through the class hierarchy", () => {
    // HardwareStore → Store → LocalBusiness; Dentist is also a MedicalOrganization.
    for (const type of ["HardwareStore", "Dentist", "Restaurant"]) {
      const findings = googleFindings(doc({ "@type": type, name: "X" }));
      expect(findings).toContain("error google.localbusiness.address $");
      // LocalBusiness replaces the generic Organization recommendations.
      expect(findings.some((f) => f.includes("google.organization."))).toBe(false);
    }
  });

  it("fills richResults with eligibility per rich result", () => {
    const report = validateJsonLd({
      "@context": CTX,
      "@graph": [
        { "@type": "Product", name: "P", offers: offer },
        { "@type": "Recipe", name: "No image" },
      ],
    });
    expect(report.richResults).toEqual([
      { type: "Product", shown: true, eligible: true },
      { type: "Recipe", shown: true, eligible: false },
    ]);
  });

  it("makes a rich result ineligible when a nested or referenced part has an error", () => {
    const nested = validateJsonLd(doc({ "@type": "Product", name: "P", offers: { ...offer, priceCurrency: "XYZ" } }));
    expect(nested.richResults).toEqual([{ type: "Product", shown: true, eligible: false }]);
    const referenced = validateJsonLd({
      "@context": CTX,
      "@graph": [
        { "@type": "Product", name: "P", offers: { "@id": "#offer" } },
        { "@type": "Offer", "@id": "#offer", price: "free", priceCurrency: "USD" },
      ],
    });
    expect(referenced.findings.map((f) => f.rule)).toContain("google.offer.price.invalid");
    expect(referenced.richResults).toEqual([{ type: "Product", shown: true, eligible: false }]);
  });

  it("never promises an FAQ rich result and says why", () => {
    const report = validateJsonLd(CASES.find((c) => c.rule === "faqpage")?.valid as Doc);
    expect(report.richResults).toEqual([{ type: "FAQPage", shown: false, eligible: true }]);
    expect(report.findings).toEqual([
      expect.objectContaining({
        severity: "info",
        layer: "google",
        rule: "google.faqpage.retired",
        message: expect.stringContaining("2026-05-07") as unknown as string,
      }),
    ]);
  });

  it("follows @id references when checking nested requirements", () => {
    const report = validateJsonLd({
      "@context": CTX,
      "@graph": [
        {
          "@type": "Review",
          itemReviewed: { "@id": "#p" },
          author: { "@id": "#ana" },
          reviewRating: { "@type": "Rating", ratingValue: 5 },
          datePublished: "2026-01-01",
        },
        { "@type": "Person", "@id": "#ana" },
        { "@type": "Product", "@id": "#p", name: "P", offers: offer },
      ],
    });
    const errors = report.findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.path}`);
    expect(errors).toEqual(['google.review.author.name $["@graph"][1]']);
  });

  it("does not check nested Organizations or reviews as top-level rich results", () => {
    const report = validateJsonLd(
      doc({
        "@type": "Product",
        name: "P",
        offers: { ...offer, seller: { "@type": "Organization", name: "Shop" } },
        review: { "@type": "Review", author: person, reviewRating: { "@type": "Rating", ratingValue: 5 } },
      }),
    );
    expect(
      report.findings.filter(
        (f) => f.rule.startsWith("google.organization") || f.rule === "google.review.itemReviewed",
      ),
    ).toEqual([]);
    expect(report.richResults.map((r) => r.type)).toEqual(["Product"]);
  });

  it("skips the Google layer on request", () => {
    const report = validateJsonLd(doc({ "@type": "Product" }), { google: false });
    expect(report.findings).toEqual([]);
    expect(report.richResults).toEqual([]);
  });

  it("ships the ISO 4217 code list", () => {
    expect(ISO_4217_CODES.size).toBeGreaterThan(150);
    for (const code of ["USD", "EUR", "GBP", "JPY", "CHF", "INR", "BRL"]) expect(ISO_4217_CODES.has(code)).toBe(true);
    for (const code of ["usd", "XXX", "BTC", "€"]) expect(ISO_4217_CODES.has(code)).toBe(false);
  });
});
