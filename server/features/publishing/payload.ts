/**
 * What receivers get in `data` for each event type. Built inside the transaction that emits the
 * event, from the draft as it is at that moment; the JSON is then fixed (signed and retried as is).
 *
 * Every content event carries the draft's **claim ledger**: each factual sentence the grounding
 * step found, whether the knowledge base supports it, and the passages that do (chunk id,
 * document, SHA-256 of the passage text) so a CMS can show or check what was grounded.
 */
import { createHash } from "node:crypto";
import type { DraftContent, DraftRecord, SeoPageContent } from "@/lib/schemas/drafts";
import type { ClaimLedgerEntry } from "@/lib/schemas/publishing";
import type { Tx } from "@/server/context";

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * The claim ledger of a draft. A passage's hash is over its text in the knowledge base (chunk
 * ids carry the document version, so an id always names the same text); it is `null` when the
 * passage has been deleted since the draft was written.
 */
export async function claimLedger(tx: Tx, workspaceId: string, record: DraftRecord): Promise<ClaimLedgerEntry[]> {
  const sentences = (record.grounding?.sentences ?? []).filter((s) => s.factual);
  const ids = [...new Set(sentences.flatMap((s) => s.support.map((x) => x.chunkId)))];
  const known = new Map<string, string>();
  if (ids.length > 0) {
    const rows = await tx.knowledgeChunk.findMany({
      where: { workspaceId, key: { in: ids } },
      select: { key: true, text: true },
    });
    for (const r of rows) known.set(r.key, sha256Hex(r.text));
  }
  return sentences.map((s) => ({
    sentence: s.text,
    supported: s.supported === true,
    sources: s.support.map((x) => ({
      chunkId: x.chunkId,
      documentId: x.documentId,
      documentTitle: x.documentTitle,
      contentHash: known.get(x.chunkId) ?? null,
    })),
  }));
}

export type DraftFacts = {
  id: string;
  title: string;
  format: string;
  channel: string;
  campaignId: string | null;
  version: number;
  content: DraftContent;
  record: DraftRecord;
};

function grounding(record: DraftRecord) {
  return record.grounding
    ? {
        score: record.grounding.score,
        factualSentences: record.grounding.factualCount,
        supportedSentences: record.grounding.supportedCount,
      }
    : null;
}

function provenance(record: DraftRecord) {
  return {
    prompt: record.prompt,
    model: record.route
      ? { provider: record.route.provider, model: record.route.model, offline: record.route.offline }
      : null,
  };
}

/** `page.published`: everything a CMS needs to render and index the page itself. */
export function pagePublishedData(
  d: DraftFacts,
  content: SeoPageContent,
  page: { html: string; url: string | null; revision: number; publishedAt: Date },
  claims: ClaimLedgerEntry[],
): Record<string, unknown> {
  return {
    draftId: d.id,
    slug: content.slug,
    url: page.url,
    canonicalUrl: content.canonicalUrl || page.url,
    revision: page.revision,
    publishedAt: page.publishedAt.toISOString(),
    metadata: {
      title: content.title,
      description: content.metaDescription,
      h1: content.h1,
      campaignId: d.campaignId,
    },
    html: page.html,
    jsonLd: content.jsonLd ?? null,
    content: {
      intro: content.intro,
      sections: content.sections,
      faq: content.faq,
      internalLinks: content.internalLinks,
    },
    grounding: grounding(d.record),
    claims,
    provenance: provenance(d.record),
  };
}

/** `email.approved`, `ad.approved`, `page.approved`: the approved content as stored. */
export function approvedData(
  d: DraftFacts,
  claims: ClaimLedgerEntry[],
  approval: { at: Date; by: string },
): Record<string, unknown> {
  return {
    draftId: d.id,
    title: d.title,
    format: d.format,
    channel: d.channel,
    campaignId: d.campaignId,
    version: d.version,
    approvedAt: approval.at.toISOString(),
    approvedBy: approval.by,
    content: d.content,
    grounding: grounding(d.record),
    claims,
    provenance: provenance(d.record),
  };
}

/** The event an approval emits, per format. */
export function approvalEventType(format: string): "email.approved" | "ad.approved" | "page.approved" {
  return format === "email" ? "email.approved" : format === "seo_page" ? "page.approved" : "ad.approved";
}
