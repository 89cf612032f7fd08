/**
 * JSON-LD for a generated SEO page, typed with schema-dts: a WebPage, its BreadcrumbList, an
 * FAQPage when the page has questions, and the page's main entity (Product with its Offer,
 * LocalBusiness with its PostalAddress, or Article) for the template's type.
 *
 * Everything comes from the page's copy, the workspace (name, site URL) and the page's data (a
 * batch's CSV row). Nothing is made up: no ratings, no reviews, no dates or prices that were not
 * given. A property Google requires that the data cannot fill is left out, so the validation
 * that follows flags the draft and an editor supplies it.
 *
 * With an absolute canonical URL the nodes sit side by side in `@graph`, linked by `@id`
 * (`<url>#webpage`, `#product`…); without one (no site URL configured) there is no URL to name
 * them by, so the main entity is nested in the WebPage and there is no breadcrumb.
 */
import type {
  Article,
  BreadcrumbList,
  FAQPage,
  GeoCoordinates,
  Graph,
  IdReference,
  LocalBusiness,
  Offer,
  Organization,
  Person,
  PostalAddress,
  Product,
  Thing,
  WebPage,
} from "schema-dts";
import type { JsonLdPageType } from "@/lib/schemas/jsonld";
import type { SeoPageContent } from "@/lib/schemas/drafts";
import { pageFacts, type PageFacts } from "./page-data";

export type PageJsonLdInput = {
  /** The batch template's type; single drafts default to WebPage. */
  type: JsonLdPageType;
  page: Omit<SeoPageContent, "format" | "jsonLd">;
  workspace: { name: string; url: string | null };
  /** The page's own data: a batch's CSV row (column → value), or facts sent with the brief. */
  data?: Record<string, string>;
};

type Node<T> = Exclude<T, string>;

/** An absolute http(s) URL, or null (relative canonicals have no place in `url` properties). */
export function absoluteUrl(value: string | null | undefined): string | null {
  const v = value?.trim();
  if (!v || !/^https?:\/\//i.test(v)) return null;
  return URL.canParse(v) ? v : null;
}

/** A text, or nothing for a blank one (an empty `name` is worse than none). */
function text(value: string | null | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

/** Drops undefined properties, recursively: the document is validated as built, not as serialised. */
function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = compact(v);
    return out as T;
  }
  return value;
}

export function buildPageJsonLd(input: PageJsonLdInput): Graph {
  const { page, workspace } = input;
  const facts = pageFacts(input.data);
  const pageUrl = absoluteUrl(page.canonicalUrl);
  const siteUrl = absoluteUrl(workspace.url?.replace(/\/+$/, "") ?? null);
  const linked = pageUrl !== null;
  const id = (fragment: string) => (linked ? `${pageUrl}#${fragment}` : undefined);

  // Inline (with its @id when there is a site), so each reference carries the name Google reads.
  const organization: Node<Organization> = {
    "@type": "Organization",
    "@id": siteUrl ? `${siteUrl}/#organization` : undefined,
    name: workspace.name,
    url: siteUrl ?? undefined,
  };

  const main = mainEntity(input.type, page, facts, organization, pageUrl, id);
  const webPage: Node<WebPage> = {
    "@type": "WebPage",
    "@id": id("webpage"),
    url: pageUrl ?? undefined,
    name: text(page.title),
    headline: text(page.h1),
    description: text(page.metaDescription),
    publisher: organization,
    breadcrumb: linked && siteUrl ? { "@id": id("breadcrumb")! } : undefined,
    mainEntity: main ? (linked ? { "@id": main["@id"] as string } : main) : undefined,
    relatedLink:
      siteUrl && page.internalLinks.length ? page.internalLinks.map((l) => `${siteUrl}/${l.slug}`) : undefined,
  };

  const graph: Thing[] = [webPage];
  if (main && linked) graph.push(main);
  if (linked && siteUrl) graph.push(breadcrumb(page, workspace.name, siteUrl, pageUrl, id("breadcrumb")!));
  const faq = faqPage(page, id("faq"), linked ? { "@id": id("webpage")! } : undefined);
  if (faq) graph.push(faq);
  return compact({ "@context": "https://schema.org", "@graph": graph });
}

function mainEntity(
  type: JsonLdPageType,
  page: PageJsonLdInput["page"],
  facts: PageFacts,
  organization: Node<Organization>,
  pageUrl: string | null,
  id: (fragment: string) => string | undefined,
): Node<Product> | Node<LocalBusiness> | Node<Article> | null {
  switch (type) {
    case "WebPage":
      return null;
    case "Product":
      return product(page, facts, pageUrl, id("product"));
    case "LocalBusiness":
      return localBusiness(page, facts, organization, pageUrl, id("business"));
    case "Article":
      return article(page, facts, organization, id("article"));
    default: {
      const _exhaustive: never = type;
      throw new Error(`unknown JSON-LD page type ${String(_exhaustive)}`);
    }
  }
}

function product(
  page: PageJsonLdInput["page"],
  facts: PageFacts,
  pageUrl: string | null,
  id: string | undefined,
): Node<Product> {
  // An Offer needs a price; one without its currency is kept so the validator names what is missing.
  const offer: Node<Offer> | undefined = facts.price
    ? {
        "@type": "Offer",
        price: facts.price,
        priceCurrency: facts.currency,
        availability: facts.availability as Node<Offer>["availability"],
        url: pageUrl ?? undefined,
      }
    : undefined;
  return {
    "@type": "Product",
    "@id": id,
    name: facts.productName,
    description: text(facts.description) ?? text(page.metaDescription),
    image: facts.image,
    sku: facts.sku,
    gtin: facts.gtin,
    mpn: facts.mpn,
    brand: facts.brand ? { "@type": "Brand", name: facts.brand } : undefined,
    url: pageUrl ?? undefined,
    offers: offer,
  };
}

function localBusiness(
  page: PageJsonLdInput["page"],
  facts: PageFacts,
  organization: Node<Organization>,
  pageUrl: string | null,
  id: string | undefined,
): Node<LocalBusiness> {
  const hasAddress = facts.street || facts.city || facts.postalCode || facts.region || facts.country;
  const address: Node<PostalAddress> | undefined = hasAddress
    ? {
        "@type": "PostalAddress",
        streetAddress: facts.street,
        addressLocality: facts.city,
        addressRegion: facts.region,
        postalCode: facts.postalCode,
        addressCountry: facts.country,
      }
    : undefined;
  const geo: Node<GeoCoordinates> | undefined =
    facts.latitude && facts.longitude
      ? { "@type": "GeoCoordinates", latitude: facts.latitude, longitude: facts.longitude }
      : undefined;
  return {
    "@type": "LocalBusiness",
    "@id": id,
    // A location page on the workspace's own site is about the workspace's business unless the row names another.
    name: facts.businessName ?? organization.name,
    description: text(facts.description) ?? text(page.metaDescription),
    url: pageUrl ?? undefined,
    image: facts.image,
    address,
    geo,
    telephone: facts.telephone,
    email: facts.email,
    priceRange: facts.priceRange,
    openingHours: facts.openingHours,
  };
}

function article(
  page: PageJsonLdInput["page"],
  facts: PageFacts,
  organization: Node<Organization>,
  id: string | undefined,
): Node<Article> {
  const author: Node<Person> | Node<Organization> = facts.author
    ? { "@type": "Person", name: facts.author }
    : organization;
  return {
    "@type": "Article",
    "@id": id,
    headline: text(page.h1) ?? text(page.title),
    description: text(page.metaDescription),
    image: facts.image,
    // Dates only when the data gives them: the day a draft is written is not the day it is published.
    datePublished: facts.datePublished,
    dateModified: facts.dateModified,
    author,
    publisher: organization,
  };
}

function breadcrumb(
  page: PageJsonLdInput["page"],
  siteName: string,
  siteUrl: string,
  pageUrl: string,
  id: string,
): Node<BreadcrumbList> {
  return {
    "@type": "BreadcrumbList",
    "@id": id,
    itemListElement: [
      { "@type": "ListItem", position: 1, name: siteName, item: `${siteUrl}/` },
      { "@type": "ListItem", position: 2, name: text(page.h1) ?? text(page.title) ?? page.slug, item: pageUrl },
    ],
  };
}

/** Schema.org only: Google stopped showing FAQ rich results, so this promises none. */
function faqPage(
  page: PageJsonLdInput["page"],
  id: string | undefined,
  isPartOf: IdReference | undefined,
): Node<FAQPage> | null {
  const items = page.faq.filter((f) => f.question.trim() && f.answer.trim());
  if (!items.length) return null;
  return {
    "@type": "FAQPage",
    "@id": id,
    isPartOf,
    mainEntity: items.map((f) => ({
      "@type": "Question",
      name: f.question.trim(),
      acceptedAnswer: { "@type": "Answer", text: f.answer.trim() },
    })),
  };
}
