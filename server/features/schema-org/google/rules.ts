/**
 * Google rich-result requirements as data. Each rule names the schema.org types it applies to
 * (subtypes included, via the vocabulary's class hierarchy), the required properties (missing →
 * error) and the recommended ones (missing → warning), the allowed node types of some values, and
 * value formats. The few checks that data cannot express are named in `custom` and implemented in
 * `./custom.ts`.
 *
 * Rule ids in findings: `google.<rule id>.<property path>` for a missing property (`@type` is
 * written `type`), `google.<rule id>.<property path>.invalid` for a bad value format, and
 * `google.<rule id>.<name>` for custom checks.
 *
 * Sources: Google Search Central structured data docs (URLs per rule) and the project SPEC.
 * `checked` is the date the rule was last written/reviewed against them (see README "Limits":
 * the live pages could not be re-read from this environment).
 */

/** A property path (`name`, `author.name`, `address.streetAddress`) or a choice of paths. */
export type Requirement = string | { anyOf: readonly string[]; id: string };

/** Value formats checked on present values. */
export type ValueFormat =
  "number" | "integer" | "currency" | "absolute-url" | "item-availability" | "event-status" | "employment-type";

export type CustomCheck =
  "rating-range" | "item-reviewed-when-top-level" | "breadcrumb-items" | "job-location" | "faq-retired";

export type GoogleRule = {
  /** Segment of the rule ids (`product` → `google.product.name`). */
  id: string;
  /** schema.org types this rule applies to; subtypes match too. */
  types: readonly string[];
  /** Name in `report.richResults`; absent for parts of another result (Offer, Rating). */
  richResult?: string;
  /** Whether Google currently shows this rich result (default true). */
  shown?: boolean;
  /**
   * Which nodes are checked: `primary` = top-level nodes, @graph members and a top-level node's
   * mainEntity; `anywhere` = also nested ones (an Offer inside a Product).
   */
  scope: "primary" | "anywhere";
  /** Also list nested matches in `report.richResults` (a breadcrumb under WebPage.breadcrumb). */
  reportNested?: boolean;
  /** Rule ids this more specific rule replaces (AggregateOffer replaces Offer). */
  overrides?: readonly string[];
  required: readonly Requirement[];
  recommended: readonly Requirement[];
  /** Allowed node types for object values at a path; a mismatch (or plain text) is reported with the severity of the path. */
  valueTypes?: Readonly<Record<string, readonly string[]>>;
  /** Formats of present values: errors unless the entry asks for a warning. */
  values?: Readonly<Record<string, ValueFormat | { format: ValueFormat; severity: "warning" }>>;
  custom?: readonly CustomCheck[];
  checked: string;
  source: string;
};

const CHECKED = "2026-11-21";
const DOCS = "https://developers.google.com/search/docs/appearance/structured-data";

export const GOOGLE_RULES: readonly GoogleRule[] = [
  {
    id: "product",
    types: ["Product"],
    richResult: "Product",
    scope: "primary",
    required: ["name", { anyOf: ["offers", "review", "aggregateRating"], id: "offers-or-review-or-rating" }],
    recommended: ["image", "brand", "sku", "description"],
    valueTypes: {
      offers: ["Offer"],
      review: ["Review"],
      aggregateRating: ["AggregateRating"],
      brand: ["Brand", "Organization"],
    },
    checked: CHECKED,
    source: `${DOCS}/product-snippet`,
  },
  {
    id: "offer",
    types: ["Offer"],
    scope: "anywhere",
    required: [
      { anyOf: ["price", "priceSpecification.price"], id: "price" },
      { anyOf: ["priceCurrency", "priceSpecification.priceCurrency"], id: "priceCurrency" },
    ],
    recommended: ["availability"],
    values: {
      price: "number",
      "priceSpecification.price": "number",
      priceCurrency: "currency",
      "priceSpecification.priceCurrency": "currency",
      availability: "item-availability",
    },
    checked: CHECKED,
    source: `${DOCS}/product-snippet`,
  },
  {
    id: "aggregateoffer",
    types: ["AggregateOffer"],
    scope: "anywhere",
    overrides: ["offer"],
    required: ["lowPrice", "priceCurrency"],
    recommended: ["highPrice", "offerCount"],
    values: { lowPrice: "number", highPrice: "number", priceCurrency: "currency", offerCount: "integer" },
    checked: CHECKED,
    source: `${DOCS}/product-snippet`,
  },
  {
    id: "aggregaterating",
    types: ["AggregateRating"],
    richResult: "AggregateRating",
    scope: "anywhere",
    overrides: ["rating"],
    required: ["ratingValue", { anyOf: ["reviewCount", "ratingCount"], id: "reviewCount-or-ratingCount" }],
    recommended: [],
    values: {
      ratingValue: "number",
      reviewCount: "integer",
      ratingCount: "integer",
      bestRating: "number",
      worstRating: "number",
    },
    custom: ["rating-range", "item-reviewed-when-top-level"],
    checked: CHECKED,
    source: `${DOCS}/review-snippet`,
  },
  {
    id: "rating",
    types: ["Rating"],
    scope: "anywhere",
    required: ["ratingValue"],
    recommended: [],
    values: { ratingValue: "number", bestRating: "number", worstRating: "number" },
    custom: ["rating-range"],
    checked: CHECKED,
    source: `${DOCS}/review-snippet`,
  },
  {
    id: "review",
    types: ["Review"],
    richResult: "Review",
    scope: "anywhere",
    required: ["author", "author.name", "reviewRating"],
    recommended: ["datePublished"],
    valueTypes: { author: ["Person", "Organization"], reviewRating: ["Rating"] },
    custom: ["item-reviewed-when-top-level"],
    checked: CHECKED,
    source: `${DOCS}/review-snippet`,
  },
  {
    id: "article",
    // NewsArticle and BlogPosting are Article subtypes, so they match through the hierarchy.
    types: ["Article"],
    richResult: "Article",
    scope: "primary",
    required: [],
    recommended: ["headline", "image", "datePublished", "dateModified", "author", "author.name"],
    valueTypes: { author: ["Person", "Organization"] },
    checked: CHECKED,
    source: `${DOCS}/article`,
  },
  {
    id: "breadcrumblist",
    types: ["BreadcrumbList"],
    richResult: "BreadcrumbList",
    // Often nested as WebPage.breadcrumb.
    scope: "anywhere",
    reportNested: true,
    required: ["itemListElement"],
    recommended: [],
    custom: ["breadcrumb-items"],
    checked: CHECKED,
    source: `${DOCS}/breadcrumb`,
  },
  {
    id: "organization",
    types: ["Organization"],
    richResult: "Organization",
    scope: "primary",
    required: [],
    recommended: ["name", "url", "logo", "sameAs", "contactPoint"],
    valueTypes: { contactPoint: ["ContactPoint"] },
    values: { url: "absolute-url" },
    checked: CHECKED,
    source: `${DOCS}/organization`,
  },
  {
    id: "localbusiness",
    types: ["LocalBusiness"],
    richResult: "LocalBusiness",
    scope: "primary",
    overrides: ["organization"],
    required: ["name", "address", "address.streetAddress", "address.addressLocality", "address.postalCode"],
    recommended: ["telephone", "url", "geo", "openingHoursSpecification", "priceRange"],
    valueTypes: {
      address: ["PostalAddress"],
      geo: ["GeoCoordinates"],
      openingHoursSpecification: ["OpeningHoursSpecification"],
    },
    values: { url: "absolute-url" },
    checked: CHECKED,
    source: `${DOCS}/local-business`,
  },
  {
    id: "faqpage",
    types: ["FAQPage"],
    richResult: "FAQPage",
    // Google stopped showing FAQ rich results on 2026-05-07: validate, never promise one.
    shown: false,
    scope: "primary",
    required: ["mainEntity", "mainEntity.name", "mainEntity.acceptedAnswer", "mainEntity.acceptedAnswer.text"],
    recommended: [],
    valueTypes: { mainEntity: ["Question"], "mainEntity.acceptedAnswer": ["Answer"] },
    custom: ["faq-retired"],
    checked: CHECKED,
    source: `${DOCS}/faqpage`,
  },
  {
    id: "event",
    types: ["Event"],
    richResult: "Event",
    scope: "primary",
    required: ["name", "startDate", "location"],
    recommended: ["endDate", "eventStatus", "image", "offers", "organizer", "performer", "description"],
    valueTypes: { location: ["Place", "VirtualLocation"] },
    values: { eventStatus: { format: "event-status", severity: "warning" } },
    checked: CHECKED,
    source: `${DOCS}/event`,
  },
  {
    id: "recipe",
    types: ["Recipe"],
    richResult: "Recipe",
    scope: "primary",
    required: ["name", "image"],
    recommended: [
      "aggregateRating",
      "author",
      "cookTime",
      "prepTime",
      "totalTime",
      "recipeIngredient",
      "recipeInstructions",
      "nutrition.calories",
      "recipeYield",
      "keywords",
      "recipeCategory",
      "recipeCuisine",
      "datePublished",
      "description",
      "video",
    ],
    valueTypes: { video: ["VideoObject"] },
    checked: CHECKED,
    source: `${DOCS}/recipe`,
  },
  {
    id: "videoobject",
    types: ["VideoObject"],
    richResult: "VideoObject",
    scope: "anywhere",
    reportNested: true,
    required: ["name", "thumbnailUrl", "uploadDate"],
    recommended: [
      "description",
      "duration",
      { anyOf: ["contentUrl", "embedUrl"], id: "contentUrl-or-embedUrl" },
      "expires",
    ],
    values: { thumbnailUrl: "absolute-url", contentUrl: "absolute-url", embedUrl: "absolute-url" },
    checked: CHECKED,
    source: `${DOCS}/video`,
  },
  {
    id: "jobposting",
    types: ["JobPosting"],
    richResult: "JobPosting",
    scope: "primary",
    required: ["title", "description", "datePosted", "hiringOrganization"],
    recommended: ["validThrough", "employmentType", "baseSalary", "identifier", "directApply"],
    valueTypes: { hiringOrganization: ["Organization"], jobLocation: ["Place"] },
    values: { employmentType: { format: "employment-type", severity: "warning" }, "baseSalary.currency": "currency" },
    custom: ["job-location"],
    checked: CHECKED,
    source: `${DOCS}/job-posting`,
  },
];
