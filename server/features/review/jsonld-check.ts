/**
 * An edited SEO page's JSON-LD: rebuilt from the edited page (titles and descriptions feed it)
 * for the type it was made for, then validated in both layers like the pipeline does.
 */
import type { DraftFlag, DraftRecord, SeoPageContent } from "@/lib/schemas/drafts";
import type { DraftJsonLd } from "@/lib/schemas/jsonld";
import { jsonLdForPage } from "@/server/features/schema-org/build/service";

export function pageJsonLdCheck(
  content: SeoPageContent,
  opts: { workspaceName: string; siteUrl: string | null; previous: DraftRecord },
): { content: SeoPageContent; summary: DraftJsonLd; flags: DraftFlag[] } {
  const { format: _format, jsonLd: _jsonLd, ...page } = content;
  const r = jsonLdForPage({
    type: opts.previous.jsonLd?.type ?? "WebPage",
    page,
    workspace: { name: opts.workspaceName, url: opts.siteUrl },
    data: opts.previous.pageData ?? undefined,
  });
  return { content: { ...content, jsonLd: r.jsonLd }, summary: r.report, flags: r.flags };
}
