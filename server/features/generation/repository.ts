/** Drafts in the database: insert (with a unique slug), list with filters and keyset paging, fetch. */
import { AppError } from "@/lib/errors";
import {
  DraftContent,
  DraftRecord,
  type DraftDetail,
  type DraftFlag,
  type DraftFormat,
  type DraftListQuery,
  type DraftPage,
  type DraftStatus,
  type DraftSummary,
  type SeoPageContent,
} from "@/lib/schemas/drafts";
import type { Channel } from "@/lib/schemas/brand";
import type { WorkspaceCtx } from "@/server/context";
import type { Db } from "@/server/db/client";
import { audit, decodeCursor, encodeCursor } from "@/server/features/audit/service";
import { rebaseJsonLd } from "@/server/features/schema-org/build";
import { flagLevelOf, reviewColumns, writeFlagKinds } from "@/server/features/review/flag-kinds";
import { emitApproval } from "@/server/features/publishing/publish";

export type NewDraft = {
  format: DraftFormat;
  channel: Channel;
  campaignId: string | null;
  segmentId: string | null;
  title: string;
  brief: string;
  content: DraftContent;
  text: string;
  record: DraftRecord;
  verdict: "pass" | "needs_review";
  status: DraftStatus;
  governanceScore: number;
  groundingScore: number | null;
  flags: DraftFlag[];
  costMicros: number;
  /** SEO pages: the slug wanted; `-2`, `-3`… are appended when taken, unless `slugFixed`. */
  preferredSlug: string | null;
  slugFixed: boolean;
  batchId?: string | null;
  rowIndex?: number | null;
};

/** A page whose slug was taken moves to the next free one: its canonical URL and JSON-LD follow. */
function movePage(content: SeoPageContent, slug: string): SeoPageContent {
  const canonicalUrl = content.canonicalUrl.replace(/[^/]*$/, slug);
  return { ...content, slug, canonicalUrl, jsonLd: rebaseJsonLd(content.jsonLd, content.canonicalUrl, canonicalUrl) };
}

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string }).code === "P2002";
}

/** Inserts a draft and its audit event in one transaction; a taken slug gets the next free suffix. */
export async function insertDraft(ctx: WorkspaceCtx, d: NewDraft): Promise<DraftDetail> {
  const flagLevel = flagLevelOf(d.flags);
  for (let attempt = 1; attempt <= 50; attempt++) {
    const slug = d.preferredSlug ? (attempt === 1 ? d.preferredSlug : `${d.preferredSlug}-${attempt}`) : null;
    const content =
      slug && d.content.format === "seo_page" && slug !== d.content.slug ? movePage(d.content, slug) : d.content;
    try {
      const id = await ctx.db.$transaction(async (tx) => {
        const campaign = d.campaignId
          ? await tx.campaign.findUnique({ where: { id: d.campaignId }, select: { endsOn: true } })
          : null;
        const review = reviewColumns(d.status, d.flags, campaign?.endsOn ?? null, new Date());
        const row = await tx.draft.create({
          data: {
            workspaceId: ctx.workspaceId,
            campaignId: d.campaignId,
            segmentId: d.segmentId,
            channel: d.channel,
            format: d.format,
            title: d.title,
            brief: d.brief,
            status: d.status,
            verdict: d.verdict,
            // JSON columns: the zod-validated shapes (jsonLd is `unknown` to TypeScript, JSON in fact).
            content: content as never,
            text: d.text,
            record: d.record as never,
            governanceScore: d.governanceScore,
            groundingScore: d.groundingScore,
            flagLevel,
            flagCount: d.flags.length,
            costMicros: d.costMicros,
            slug,
            batchId: d.batchId ?? null,
            rowIndex: d.rowIndex ?? null,
            createdById: ctx.actor.type === "user" ? ctx.actor.id : null,
            createdByLabel: ctx.actor.label,
            reviewSince: review.reviewSince,
            dueAt: review.dueAt,
            flagKinds: review.flagKinds,
          },
          select: { id: true },
        });
        await writeFlagKinds(tx, ctx.workspaceId, row.id, d.flags, false);
        // Approved by policy: it leaves through the outbox like a person's approval.
        const eventId = d.status === "approved" ? await emitApproval(tx, ctx, row.id, new Date()) : null;
        await audit(tx, ctx, {
          action: "draft.created",
          entityType: "draft",
          entityId: row.id,
          after: {
            format: d.format,
            status: d.status,
            verdict: d.verdict,
            score: d.governanceScore,
            flags: d.flags.length,
            route: d.record.route,
            prompt: d.record.prompt,
            chunkIds: d.record.chunkIds,
            rules: [...new Set(d.flags.map((f) => f.ruleId).filter(Boolean))],
            ...(eventId ? { eventId } : {}),
          },
        });
        return row.id;
      });
      return getDraft(ctx.db, ctx.workspaceId, id);
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      if (d.slugFixed || !slug)
        throw new AppError("conflict:slug", `Another page already uses the slug “${slug}”. Choose another.`);
    }
  }
  throw new AppError("conflict:slug", `No free slug near “${d.preferredSlug}”; choose one.`);
}

const summarySelect = {
  id: true,
  format: true,
  channel: true,
  title: true,
  status: true,
  verdict: true,
  governanceScore: true,
  groundingScore: true,
  flagLevel: true,
  flagCount: true,
  slug: true,
  version: true,
  createdByLabel: true,
  createdAt: true,
  updatedAt: true,
  campaign: { select: { id: true, name: true } },
} as const;

type SummaryRow = {
  id: string;
  format: string;
  channel: string;
  title: string;
  status: string;
  verdict: string;
  governanceScore: number;
  groundingScore: number | null;
  flagLevel: number;
  flagCount: number;
  slug: string | null;
  version: number;
  createdByLabel: string | null;
  createdAt: Date;
  updatedAt: Date;
  campaign: { id: string; name: string } | null;
};

function toSummary(r: SummaryRow): DraftSummary {
  return {
    id: r.id,
    format: r.format as DraftFormat,
    channel: r.channel as Channel,
    title: r.title,
    status: r.status as DraftStatus,
    verdict: r.verdict as "pass" | "needs_review",
    governanceScore: r.governanceScore,
    groundingScore: r.groundingScore,
    flagLevel: r.flagLevel,
    flagCount: r.flagCount,
    campaign: r.campaign,
    slug: r.slug,
    version: r.version,
    createdBy: r.createdByLabel,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function getDraft(db: Db, workspaceId: string, id: string): Promise<DraftDetail> {
  const r = await db.draft.findFirst({
    where: { id, workspaceId },
    select: {
      ...summarySelect,
      brief: true,
      content: true,
      record: true,
      segment: { select: { id: true, name: true } },
    },
  });
  if (!r) throw new AppError("not_found:draft", "No such draft in this workspace.");
  return {
    ...toSummary(r),
    brief: r.brief,
    content: DraftContent.parse(r.content),
    record: DraftRecord.parse(r.record),
    segment: r.segment,
  };
}

/** Newest first, keyset paging on (createdAt, id); filters use the (workspace, …) indexes. */
export async function listDrafts(
  db: Db,
  workspaceId: string,
  q: DraftListQuery & { limit: number },
): Promise<DraftPage> {
  let after: { createdAt: Date; id: string } | undefined;
  if (q.cursor) {
    try {
      after = decodeCursor(q.cursor);
    } catch {
      throw new AppError("validation:cursor", "That page link is no longer valid; start from the first page.");
    }
  }
  const rows = await db.draft.findMany({
    where: {
      workspaceId,
      ...(q.channel ? { channel: q.channel } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.campaignId ? { campaignId: q.campaignId } : {}),
      AND: [
        q.q ? { OR: [{ title: { contains: q.q } }, { brief: { contains: q.q } }] } : {},
        after
          ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
          : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    select: summarySelect,
  });
  const page = rows.slice(0, q.limit);
  return {
    items: page.map(toSummary),
    nextCursor: rows.length > q.limit ? encodeCursor(page.at(-1)!) : null,
  };
}
