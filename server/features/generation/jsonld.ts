/**
 * JSON-LD for a generated SEO page: a WebPage for the page itself and, when it has questions,
 * an FAQPage (validated as schema.org only: Google retired FAQ rich results on 2026-05-07).
 * Typed with schema-dts-style shapes; the full two-layer validation belongs to the JSON-LD feature.
 */
import type { SeoPageContent } from "@/lib/schemas/drafts";

type Node = Record<string, unknown>;

export function buildPageJsonLd(page: SeoPageContent, opts: { workspaceName: string }): Node {
  const url = /^https?:\/\//.test(page.canonicalUrl) ? page.canonicalUrl : undefined;
  const webPage: Node = {
    "@type": "WebPage",
    ...(url ? { "@id": `${url}#webpage`, url } : {}),
    name: page.title,
    headline: page.h1,
    description: page.metaDescription,
    publisher: { "@type": "Organization", name: opts.workspaceName },
  };
  const graph: Node[] = [webPage];
  if (page.faq.length)
    graph.push({
      "@type": "FAQPage",
      ...(url ? { "@id": `${url}#faq` } : {}),
      mainEntity: page.faq.map((f) => ({
        "@type": "Question",
        name: f.question,
        acceptedAnswer: { "@type": "Answer", text: f.answer },
      })),
    });
  return { "@context": "https://schema.org", "@graph": graph };
}
