/** Campaigns (drafts grouped with channel, audience and dates) and email audience segments. */
import { AppError } from "@/lib/errors";
import { CampaignBody, SegmentBody, type CampaignOut, type DraftStatus, type SegmentOut } from "@/lib/schemas/drafts";
import type { Channel } from "@/lib/schemas/brand";
import type { WorkspaceCtx } from "@/server/context";
import type { Db } from "@/server/db/client";
import { requireRole } from "@/server/auth/authorize";
import { audit } from "@/server/features/audit/service";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const toDate = (s: string | null) => (s ? new Date(`${s}T00:00:00.000Z`) : null);

export async function listCampaigns(ctx: WorkspaceCtx): Promise<{ items: CampaignOut[] }> {
  const [rows, counts] = await Promise.all([
    ctx.db.campaign.findMany({ where: { workspaceId: ctx.workspaceId }, orderBy: { createdAt: "desc" }, take: 500 }),
    ctx.db.draft.groupBy({
      by: ["campaignId", "status"],
      where: { workspaceId: ctx.workspaceId, campaignId: { not: null } },
      _count: { _all: true },
    }),
  ]);
  return {
    items: rows.map((c) => {
      const mine = counts.filter((x) => x.campaignId === c.id);
      return {
        id: c.id,
        name: c.name,
        channel: c.channel as Channel | null,
        audience: c.audience,
        startsOn: day(c.startsOn),
        endsOn: day(c.endsOn),
        status: c.status as "active" | "archived",
        counts: Object.fromEntries(mine.map((x) => [x.status as DraftStatus, x._count._all])),
        total: mine.reduce((n, x) => n + x._count._all, 0),
        createdAt: c.createdAt.toISOString(),
      };
    }),
  };
}

export async function createCampaign(ctx: WorkspaceCtx, raw: unknown): Promise<CampaignOut> {
  requireRole(ctx, "marketer", "create campaigns");
  const body = CampaignBody.parse(raw);
  const clash = await ctx.db.campaign.findUnique({
    where: { workspaceId_name: { workspaceId: ctx.workspaceId, name: body.name } },
    select: { id: true },
  });
  if (clash) throw new AppError("conflict:campaign_name", `A campaign called “${body.name}” already exists.`);
  const c = await ctx.db.$transaction(async (tx) => {
    const created = await tx.campaign.create({
      data: {
        workspaceId: ctx.workspaceId,
        name: body.name,
        channel: body.channel,
        audience: body.audience,
        startsOn: toDate(body.startsOn),
        endsOn: toDate(body.endsOn),
      },
    });
    await audit(tx, ctx, { action: "campaign.created", entityType: "campaign", entityId: created.id, after: body });
    return created;
  });
  return (await listCampaigns(ctx)).items.find((x) => x.id === c.id)!;
}

export async function findCampaign(db: Db, workspaceId: string, id: string) {
  const c = await db.campaign.findFirst({ where: { id, workspaceId } });
  if (!c) throw new AppError("validation:campaign", "That campaign does not exist in this workspace.");
  return c;
}

// ---- segments ------------------------------------------------------------------------------

const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Emails to a segment count against its cap once scheduled or published. */
async function sentThisWeek(db: Db, segmentId: string, now: Date): Promise<number> {
  return db.draft.count({
    where: {
      segmentId,
      channel: "email",
      status: { in: ["scheduled", "published"] },
      updatedAt: { gte: new Date(now.getTime() - WEEK_MS) },
    },
  });
}

function blockedReason(s: { name: string; consent: boolean; weeklyCap: number | null }, sent: number): string | null {
  if (!s.consent)
    return `The segment “${s.name}” has no marketing consent on record, so it cannot receive marketing email.`;
  if (s.weeklyCap !== null && sent >= s.weeklyCap)
    return `The segment “${s.name}” already has ${sent} ${sent === 1 ? "email" : "emails"} scheduled or sent in the last 7 days (its cap is ${s.weeklyCap}); pick another segment or wait.`;
  return null;
}

export async function listSegments(ctx: WorkspaceCtx, now = new Date()): Promise<{ items: SegmentOut[] }> {
  const rows = await ctx.db.audienceSegment.findMany({
    where: { workspaceId: ctx.workspaceId },
    orderBy: { name: "asc" },
  });
  const items: SegmentOut[] = [];
  for (const s of rows) {
    const sent = await sentThisWeek(ctx.db, s.id, now);
    items.push({
      id: s.id,
      name: s.name,
      consent: s.consent,
      weeklyCap: s.weeklyCap,
      sentThisWeek: sent,
      blockedReason: blockedReason(s, sent),
    });
  }
  return { items };
}

export async function createSegment(ctx: WorkspaceCtx, raw: unknown): Promise<SegmentOut> {
  requireRole(ctx, "admin", "create audience segments");
  const body = SegmentBody.parse(raw);
  const s = await ctx.db.$transaction(async (tx) => {
    const created = await tx.audienceSegment.create({ data: { workspaceId: ctx.workspaceId, ...body } });
    await audit(tx, ctx, {
      action: "segment.created",
      entityType: "audience_segment",
      entityId: created.id,
      after: body,
    });
    return created;
  });
  return { ...body, id: s.id, sentThisWeek: 0, blockedReason: blockedReason(s, 0) };
}

/** Refuses a segment that lacks consent or reached its weekly cap, with the reason. */
export async function assertSegmentTargetable(db: Db, workspaceId: string, segmentId: string, now = new Date()) {
  const s = await db.audienceSegment.findFirst({ where: { id: segmentId, workspaceId } });
  if (!s) throw new AppError("validation:segment", "That audience segment does not exist in this workspace.");
  const reason = blockedReason(s, await sentThisWeek(db, s.id, now));
  if (reason) throw new AppError("validation:segment_blocked", reason);
  return s;
}
