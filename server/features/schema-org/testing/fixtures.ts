/**
 * Realistic documents shared by the tests and the benchmark (`scripts/bench-jsonld.ts`): a typical
 * product page (Product + Offer + AggregateRating + Review + BreadcrumbList in an @graph), the
 * same page as HTML, and a large multi-megabyte document.
 */

export function productGraph(seed = 1): Record<string, unknown> {
  const base = `https://shop.example.com/p/${seed}`;
  return {
    "@context": "https://schema.org",
    "@graph": [
      {
        "@type": "Product",
        "@id": `${base}#product`,
        name: `Trail Runner ${seed}`,
        description: "Lightweight trail running shoe with a grippy outsole and a recycled mesh upper.",
        image: [`${base}/front.jpg`, `${base}/side.jpg`],
        sku: `TR-${seed}`,
        gtin13: "4006381333931",
        brand: { "@type": "Brand", name: "Northpeak" },
        offers: {
          "@type": "Offer",
          url: base,
          price: "129.00",
          priceCurrency: "EUR",
          priceValidUntil: "2027-01-31",
          availability: "https://schema.org/InStock",
          itemCondition: "https://schema.org/NewCondition",
          seller: { "@type": "Organization", name: "Northpeak Store" },
        },
        aggregateRating: {
          "@type": "AggregateRating",
          ratingValue: 4.6,
          reviewCount: 89,
          bestRating: 5,
          worstRating: 1,
        },
        review: [
          {
            "@type": "Review",
            author: { "@type": "Person", name: "Maya Lind" },
            datePublished: "2026-03-14",
            reviewBody: "Great grip on wet rock, runs half a size small.",
            reviewRating: { "@type": "Rating", ratingValue: 5, bestRating: 5 },
          },
          {
            "@type": "Review",
            author: { "@type": "Person", name: "Tom Ek" },
            datePublished: "2026-04-02",
            reviewBody: "Comfortable from day one.",
            reviewRating: { "@type": "Rating", ratingValue: "4", bestRating: "5" },
          },
        ],
      },
      {
        "@type": "BreadcrumbList",
        itemListElement: [
          { "@type": "ListItem", position: 1, name: "Home", item: "https://shop.example.com/" },
          { "@type": "ListItem", position: 2, name: "Running", item: "https://shop.example.com/running" },
          { "@type": "ListItem", position: 3, name: `Trail Runner ${seed}` },
        ],
      },
    ],
  };
}

export function productPageHtml(seed = 1): string {
  const filler = Array.from(
    { length: 40 },
    (_, i) => `    <li class="spec"><span>Feature ${i}</span> <em>detail &amp; more</em></li>`,
  ).join("\n");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Trail Runner ${seed} | Northpeak</title>
    <link rel="canonical" href="https://shop.example.com/p/${seed}">
    <script type="application/ld+json">
${JSON.stringify(productGraph(seed), null, 2)}
    </script>
    <script>window.dataLayer = window.dataLayer || [];</script>
  </head>
  <body>
    <h1>Trail Runner ${seed}</h1>
    <ul>
${filler}
    </ul>
  </body>
</html>
`;
}

/** A single JSON-LD document of roughly `bytes` bytes (an @graph of products). */
export function largeDocument(bytes: number): Record<string, unknown> {
  const one = JSON.stringify((productGraph(0)["@graph"] as unknown[])[0]).length;
  const count = Math.max(1, Math.ceil(bytes / one));
  const graph: unknown[] = [];
  for (let i = 0; i < count; i++) graph.push((productGraph(i)["@graph"] as unknown[])[0]);
  return { "@context": "https://schema.org", "@graph": graph };
}
