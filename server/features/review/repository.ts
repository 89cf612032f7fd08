/** Review data access: drafts under review, the queue, revisions, comments, notifications, settings. */
import type { Tx } from "@/server/context";
import type { Prisma } from "@/server/generated/sqlite/client";
import { afterKey, QUEUE_ORDER, type QueueKey } from "./queue-cursor";

export const reviewSelect = {
  id: true,
  workspaceId: true,
  title: true,
  channel: true,
  format: true,
  brief: true,
  status: true,
  version: true,
  content: true,
  text: true,
  record: true,
  flagLevel: true,
  slug: true,
  campaignId: true,
  assigneeId: true,
  reviewSince: true,
  dueAt: true,
  decision: true,
  decidedAt: true,
  decidedById: true,
  decisionReason: true,
  createdById: true,
  createdByLabel: true,
} as const;

export type ReviewRow = Prisma.DraftGetPayload<{ select: typeof reviewSelect }>;

export function findReviewDraft(tx: Tx, workspaceId: string, id: string): Promise<ReviewRow | null> {
  return tx.draft.findFirst({ where: { id, workspaceId }, select: reviewSelect });
}

/** The optimistic-concurrency write: applies only when the version is still the one read. */
export async function updateIfVersion(
  tx: Tx,
  workspaceId: string,
  id: string,
  version: number,
  data: Prisma.DraftUpdateManyMutationInput,
): Promise<boolean> {
  const r = await tx.draft.updateMany({
    where: { id, workspaceId, version },
    data: { ...data, version: { increment: 1 } },
  });
  return r.count === 1;
}

// ---- the queue --------------------------------------------------------------------------------

export type QueueFilter = {
  channel?: string;
  campaignId?: string;
  flagKind?: string;
  /** undefined: anyone; null: unassigned; a user id. */
  assigneeId?: string | null;
};

function queueWhere(workspaceId: string, f: QueueFilter): Prisma.DraftWhereInput {
  return {
    workspaceId,
    status: "in_review",
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.campaignId ? { campaignId: f.campaignId } : {}),
    // Through draft_flag_kinds' primary key (draftId, kind): a LIKE on drafts.flagKinds would read
    // every draft row, records included.
    ...(f.flagKind ? { flagKindRows: { some: { kind: f.flagKind } } } : {}),
    ...(f.assigneeId !== undefined ? { assigneeId: f.assigneeId } : {}),
  };
}

const queueSelect = {
  id: true,
  title: true,
  channel: true,
  format: true,
  status: true,
  version: true,
  flagLevel: true,
  flagCount: true,
  flagKinds: true,
  dueAt: true,
  reviewSince: true,
  createdAt: true,
  assigneeId: true,
  governanceScore: true,
  groundingScore: true,
  createdByLabel: true,
  campaign: { select: { id: true, name: true } },
} as const;

export type QueueRow = Prisma.DraftGetPayload<{ select: typeof queueSelect }>;

export function listQueueRows(tx: Tx, workspaceId: string, f: QueueFilter, limit: number, after?: QueueKey) {
  return tx.draft.findMany({
    where: { ...queueWhere(workspaceId, f), ...(after ? afterKey(after) : {}) },
    orderBy: QUEUE_ORDER,
    take: limit + 1,
    select: queueSelect,
  });
}

export function countQueue(tx: Tx, workspaceId: string, f: QueueFilter) {
  return tx.draft.count({ where: queueWhere(workspaceId, f) });
}

export function countBreached(tx: Tx, workspaceId: string, before: Date) {
  return tx.draft.count({ where: { workspaceId, status: "in_review", reviewSince: { lt: before } } });
}

export async function countByKind(tx: Tx, workspaceId: string): Promise<Record<string, number>> {
  const rows = await tx.draftFlagKind.groupBy({
    by: ["kind"],
    where: { workspaceId, draft: { status: "in_review" } },
    _count: { _all: true },
  });
  return Object.fromEntries(rows.map((r) => [r.kind, r._count._all]));
}

export function breachedDrafts(tx: Tx, workspaceId: string, before: Date, take: number) {
  return tx.draft.findMany({
    where: { workspaceId, status: "in_review", reviewSince: { lt: before } },
    orderBy: { reviewSince: "asc" },
    take,
    select: { id: true, title: true, assigneeId: true, reviewSince: true },
  });
}

// ---- people -----------------------------------------------------------------------------------

export async function listPeople(tx: Tx, workspaceId: string) {
  const rows = await tx.membership.findMany({
    where: { workspaceId },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((r) => ({ id: r.user.id, name: r.user.name, email: r.user.email, role: r.role }));
}

export function findMembership(tx: Tx, workspaceId: string, userId: string) {
  return tx.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true, user: { select: { id: true, name: true } } },
  });
}

export async function userNames(tx: Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (!wanted.length) return new Map();
  const rows = await tx.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---- revisions and comments ---------------------------------------------------------------------

export function countRevisions(tx: Tx, draftId: string) {
  return tx.draftRevision.count({ where: { draftId } });
}

export function insertRevision(tx: Tx, data: Prisma.DraftRevisionUncheckedCreateInput) {
  return tx.draftRevision.create({ data, select: { id: true } });
}

export function listRevisions(tx: Tx, workspaceId: string, draftId: string) {
  return tx.draftRevision.findMany({ where: { draftId, workspaceId }, orderBy: { version: "asc" } });
}

export function insertComment(tx: Tx, data: Prisma.DraftCommentUncheckedCreateInput) {
  return tx.draftComment.create({ data });
}

export function listComments(tx: Tx, workspaceId: string, draftId: string) {
  return tx.draftComment.findMany({
    where: { draftId, workspaceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
  });
}

// ---- notifications ------------------------------------------------------------------------------

export type NewNotification = {
  workspaceId: string;
  userId: string;
  kind: string;
  draftId: string | null;
  message: string;
  dedupeKey?: string | null;
};

/** Inserts notifications; a repeated `dedupeKey` for the same user is skipped (sweeps are idempotent). */
export async function insertNotifications(tx: Tx, rows: NewNotification[]): Promise<number> {
  if (!rows.length) return 0;
  const keyed = rows.filter((r) => r.dedupeKey);
  const existing = keyed.length
    ? await tx.notification.findMany({
        where: { OR: keyed.map((r) => ({ userId: r.userId, dedupeKey: r.dedupeKey! })) },
        select: { userId: true, dedupeKey: true },
      })
    : [];
  const seen = new Set(existing.map((e) => `${e.userId}\u0000${e.dedupeKey}`));
  const fresh = rows.filter((r) => {
    if (!r.dedupeKey) return true;
    const k = `${r.userId}\u0000${r.dedupeKey}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (fresh.length)
    await tx.notification.createMany({ data: fresh.map((r) => ({ ...r, dedupeKey: r.dedupeKey ?? null })) });
  return fresh.length;
}

export function listNotificationRows(
  tx: Tx,
  workspaceId: string,
  userId: string,
  q: { limit: number; unreadOnly: boolean; before?: { createdAt: Date; id: string } },
) {
  return tx.notification.findMany({
    where: {
      workspaceId,
      userId,
      ...(q.unreadOnly ? { readAt: null } : {}),
      ...(q.before
        ? {
            OR: [{ createdAt: { lt: q.before.createdAt } }, { createdAt: q.before.createdAt, id: { lt: q.before.id } }],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
  });
}

export function countUnread(tx: Tx, workspaceId: string, userId: string) {
  return tx.notification.count({ where: { workspaceId, userId, readAt: null } });
}

export async function markRead(tx: Tx, workspaceId: string, userId: string, ids: string[] | "all", now: Date) {
  const r = await tx.notification.updateMany({
    where: { workspaceId, userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: now },
  });
  return r.count;
}

// ---- golden candidates and settings -------------------------------------------------------------

export function insertGoldenCandidate(tx: Tx, data: Prisma.GoldenCandidateUncheckedCreateInput) {
  return tx.goldenCandidate.create({ data, select: { id: true } });
}

export function findReviewSettings(tx: Tx, workspaceId: string) {
  return tx.reviewSettings.findUnique({ where: { workspaceId } });
}

export function upsertReviewSettings(
  tx: Tx,
  workspaceId: string,
  data: { slaHours: number; emailNotifications: boolean },
) {
  return tx.reviewSettings.upsert({ where: { workspaceId }, create: { workspaceId, ...data }, update: data });
}
