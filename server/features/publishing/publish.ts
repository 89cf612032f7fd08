/**
 * Publishing and unpublishing drafts, and the events approvals send. The state change, the
 * published page, the outbox event and the audit event commit in one transaction: nothing
 * approved is lost between Lectern and the CMS, and nothing is sent for a change that rolled back.
 *
 *   approved ──publish──▶ published ──unpublish──▶ approved   (SEO pages; served at /p/<slug>)
 */
import { AppError } from "@/lib/errors";
import { DraftContent, DraftRecord, type DraftStatus, type SeoPageContent } from "@/lib/schemas/drafts";
import {
  PublishBody,
  UnpublishBody,
  type PublicationState,
  type PublishedPageList,
  type PublishResult,
} from "@/lib/schemas/publishing";
import { hasRole } from "@/lib/schemas/roles";
import type { Tx, WorkspaceCtx } from "@/server/context";
import { requireRole } from "@/server/auth/authorize";
import { audit, decodeCursor, encodeCursor } from "@/server/features/audit/service";
import { emitEvent } from "./outbox";
import { approvalEventType, approvedData, claimLedger, pagePublishedData, type DraftFacts } from "./payload";
import * as repo from "./repository";
import { renderPublishedPage } from "./site/render";

export type PublishDeps = {
  /** The studio's public origin (`https://lectern.example.com`), for the page's URL; null when unknown. */
  origin: string | null;
  now?: () => Date;
  /** After commit: drop the cached page (and sitemap) so the change shows at once. */
  revalidate?: (slug: string) => void;
  /** After commit: wake the in-process delivery worker. */
  onQueued?: () => void;
};

const draftSelect = {
  id: true,
  title: true,
  format: true,
  channel: true,
  status: true,
  version: true,
  slug: true,
  content: true,
  record: true,
  campaignId: true,
  workspace: { select: { name: true } },
} as const;

function notFound(): AppError {
  return new AppError("not_found:draft", "No such draft in this workspace.");
}

function stale(current: { version: number; status: string }, seen: number): AppError {
  return new AppError(
    "conflict:stale_version",
    `Someone changed this draft since you opened it (you had version ${seen}; it is now version ${current.version}, ${current.status.replace("_", " ")}). Reload; nothing was published.`,
    { details: { current: { version: current.version, status: current.status } } },
  );
}

export function pagePath(slug: string): string {
  return `/p/${slug}`;
}

/** The draft row with its JSON columns parsed into their shapes. */
function facts(d: Omit<DraftFacts, "content" | "record"> & { content: unknown; record: unknown }): DraftFacts {
  return {
    id: d.id,
    title: d.title,
    format: d.format,
    channel: d.channel,
    campaignId: d.campaignId,
    version: d.version,
    content: DraftContent.parse(d.content),
    record: DraftRecord.parse(d.record),
  };
}

async function setStatus(tx: Tx, ctx: WorkspaceCtx, id: string, version: number, status: DraftStatus) {
  const r = await tx.draft.updateMany({
    where: { id, workspaceId: ctx.workspaceId, version },
    data: { status, version: { increment: 1 } },
  });
  if (r.count !== 1) {
    const cur = await tx.draft.findFirst({
      where: { id, workspaceId: ctx.workspaceId },
      select: { version: true, status: true },
    });
    throw stale(cur ?? { version, status }, version);
  }
}

export async function publishDraft(
  ctx: WorkspaceCtx,
  id: string,
  raw: unknown,
  deps: PublishDeps,
): Promise<PublishResult> {
  requireRole(ctx, "editor", "publish drafts");
  const body = PublishBody.parse(raw);
  const now = deps.now?.() ?? new Date();
  const r = await ctx.db.$transaction(async (tx) => {
    const d = await tx.draft.findFirst({ where: { id, workspaceId: ctx.workspaceId }, select: draftSelect });
    if (!d) throw notFound();
    if (d.version !== body.version) throw stale(d, body.version);
    if (d.format !== "seo_page")
      throw new AppError(
        "conflict:format",
        "Only SEO pages are published. Emails and ads are sent to your endpoints when they are approved.",
      );
    if (d.status !== "approved")
      throw new AppError(
        "conflict:state",
        `This page is ${d.status.replace("_", " ")}; only approved pages can be published.`,
      );
    const f = facts(d);
    const content = f.content as SeoPageContent;
    const slug = d.slug ?? content.slug;
    const taken = await repo.findPageBySlug(tx, slug);
    if (taken && taken.draftId !== id)
      throw new AppError(
        "conflict:slug_taken",
        taken.workspaceId === ctx.workspaceId
          ? `Another page of this workspace is already published at ${pagePath(slug)}. Unpublish it first.`
          : `The address ${pagePath(slug)} is already used by another workspace on this Lectern. Generate the page with another slug.`,
      );
    const existing = await repo.findPageOfDraft(tx, id);
    const publishedAt = existing?.publishedAt ?? now;
    const url = deps.origin ? `${deps.origin}${pagePath(slug)}` : null;
    const html = renderPublishedPage(content, {
      pageUrl: url,
      siteName: d.workspace.name,
      publishedAt,
      modifiedAt: now,
    });
    const revision = (existing?.revision ?? 0) + 1;
    await tx.publishedPage.upsert({
      where: { draftId: id },
      create: {
        workspaceId: ctx.workspaceId,
        draftId: id,
        slug,
        title: content.title,
        html,
        status: "live",
        revision,
        publishedAt,
        updatedAt: now,
      },
      update: { slug, title: content.title, html, status: "live", revision, unpublishedAt: null, updatedAt: now },
    });
    await setStatus(tx, ctx, id, body.version, "published");
    const claims = await claimLedger(tx, ctx.workspaceId, f.record);
    const emitted = await emitEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: "page.published",
      draftId: id,
      now,
      data: pagePublishedData(f, content, { html, url, revision, publishedAt }, claims),
    });
    await audit(tx, ctx, {
      action: "draft.published",
      entityType: "draft",
      entityId: id,
      before: { status: d.status, version: d.version },
      after: { status: "published", version: d.version + 1, path: pagePath(slug), revision, eventId: emitted.eventId },
    });
    return { slug, url, version: d.version + 1, emitted };
  });
  deps.revalidate?.(r.slug);
  deps.onQueued?.();
  return {
    id,
    status: "published",
    version: r.version,
    url: r.url ?? pagePath(r.slug),
    eventId: r.emitted.eventId,
    deliveries: r.emitted.deliveryIds.length,
  };
}

export async function unpublishDraft(
  ctx: WorkspaceCtx,
  id: string,
  raw: unknown,
  deps: PublishDeps,
): Promise<PublishResult> {
  requireRole(ctx, "editor", "unpublish pages");
  const body = UnpublishBody.parse(raw);
  const now = deps.now?.() ?? new Date();
  const reason = body.reason?.trim() || null;
  const r = await ctx.db.$transaction(async (tx) => {
    const d = await tx.draft.findFirst({ where: { id, workspaceId: ctx.workspaceId }, select: draftSelect });
    if (!d) throw notFound();
    if (d.version !== body.version) throw stale(d, body.version);
    const page = await repo.findPageOfDraft(tx, id);
    if (d.status !== "published" || !page || page.status !== "live")
      throw new AppError(
        "conflict:state",
        `This draft is ${d.status.replace("_", " ")}, not published; there is nothing to take down.`,
      );
    await tx.publishedPage.update({
      where: { draftId: id },
      data: { status: "unpublished", unpublishedAt: now, updatedAt: now },
    });
    await setStatus(tx, ctx, id, body.version, "approved");
    const url = deps.origin ? `${deps.origin}${pagePath(page.slug)}` : null;
    const emitted = await emitEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: "draft.unpublished",
      draftId: id,
      now,
      data: {
        draftId: id,
        slug: page.slug,
        url,
        revision: page.revision,
        reason,
        unpublishedAt: now.toISOString(),
        unpublishedBy: ctx.actor.label,
      },
    });
    await audit(tx, ctx, {
      action: "draft.unpublished",
      entityType: "draft",
      entityId: id,
      before: { status: d.status, version: d.version },
      after: {
        status: "approved",
        version: d.version + 1,
        reason,
        path: pagePath(page.slug),
        eventId: emitted.eventId,
      },
    });
    return { slug: page.slug, url, version: d.version + 1, emitted };
  });
  deps.revalidate?.(r.slug);
  deps.onQueued?.();
  return {
    id,
    status: "approved",
    version: r.version,
    url: r.url ?? pagePath(r.slug),
    eventId: r.emitted.eventId,
    deliveries: r.emitted.deliveryIds.length,
  };
}

/**
 * Called by the review workflow inside the approval's transaction: emails and ads leave Lectern
 * when they are approved (`email.approved`, `ad.approved`); SEO pages announce `page.approved`
 * and are published separately.
 */
export async function emitApproval(tx: Tx, ctx: WorkspaceCtx, draftId: string, now: Date): Promise<string> {
  const d = await tx.draft.findFirst({ where: { id: draftId, workspaceId: ctx.workspaceId }, select: draftSelect });
  if (!d) throw notFound();
  const f = facts(d);
  const claims = await claimLedger(tx, ctx.workspaceId, f.record);
  const emitted = await emitEvent(tx, {
    workspaceId: ctx.workspaceId,
    type: approvalEventType(d.format),
    draftId,
    now,
    data: approvedData(f, claims, { at: now, by: ctx.actor.label }),
  });
  return emitted.eventId;
}

export async function publicationState(ctx: WorkspaceCtx, id: string): Promise<PublicationState> {
  const d = await ctx.db.draft.findFirst({
    where: { id, workspaceId: ctx.workspaceId },
    select: { id: true, status: true, version: true, format: true },
  });
  if (!d) throw notFound();
  const [page, events] = await Promise.all([
    repo.findPageOfDraft(ctx.db, id),
    repo.eventsOfDraft(ctx.db, ctx.workspaceId, id, 10),
  ]);
  const editor = hasRole(ctx.role, "editor");
  const status = d.status as DraftStatus;
  const canPublish = editor && d.format === "seo_page" && status === "approved";
  const canUnpublish = editor && status === "published" && page?.status === "live";
  const blockedReason =
    canPublish || status === "published"
      ? null
      : d.format !== "seo_page"
        ? "Emails and ads are not published as pages; approving them sends them to your endpoints."
        : !editor
          ? "Only editors and admins can publish pages."
          : `Pages are published once approved; this one is ${status.replace("_", " ")}.`;
  return {
    draftId: d.id,
    status,
    version: d.version,
    canPublish,
    canUnpublish,
    blockedReason,
    page: page
      ? {
          slug: page.slug,
          path: pagePath(page.slug),
          status: page.status as "live" | "unpublished",
          revision: page.revision,
          publishedAt: page.publishedAt.toISOString(),
          unpublishedAt: page.unpublishedAt?.toISOString() ?? null,
        }
      : null,
    events: events.map((e) => ({
      eventId: e.id,
      type: e.type,
      createdAt: e.createdAt.toISOString(),
      deliveries: {
        total: e.deliveries.length,
        succeeded: e.deliveries.filter((x) => x.status === "succeeded").length,
        pending: e.deliveries.filter((x) => x.status === "pending" || x.status === "delivering").length,
        dead: e.deliveries.filter((x) => x.status === "dead").length,
      },
    })),
  };
}

export async function listPublishedPages(
  ctx: WorkspaceCtx,
  q: { cursor?: string; limit?: number },
): Promise<PublishedPageList> {
  requireRole(ctx, "editor", "see published pages");
  const take = Math.min(Math.max(q.limit ?? 25, 1), 100);
  let after: { updatedAt: Date; id: string } | undefined;
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    after = { updatedAt: c.createdAt, id: c.id };
  }
  const rows = await repo.listPages(ctx.db, ctx.workspaceId, { take: take + 1, after });
  const page = rows.slice(0, take);
  const last = page.at(-1);
  return {
    items: page.map((p) => ({
      draftId: p.draftId,
      slug: p.slug,
      title: p.title,
      path: pagePath(p.slug),
      status: p.status as "live" | "unpublished",
      revision: p.revision,
      publishedAt: p.publishedAt.toISOString(),
      unpublishedAt: p.unpublishedAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > take && last ? encodeCursor({ createdAt: last.updatedAt, id: last.draftId }) : null,
  };
}
