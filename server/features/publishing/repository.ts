/**
 * Publishing data access for the studio side: endpoints, the delivery log, replays and
 * published pages. (The delivery worker's claims live in delivery/repository.ts; the public
 * site's reads in site/repository.ts.) Secrets are never in a default select.
 */
import type { Tx } from "@/server/context";
import { dialectOf, type Db } from "@/server/db/client";
import type { Prisma } from "@/server/generated/sqlite/client";

// ---- endpoints ----------------------------------------------------------------------------------

export const endpointSelect = {
  id: true,
  workspaceId: true,
  url: true,
  description: true,
  eventTypes: true,
  secretLast4: true,
  previousSecretUntil: true,
  enabled: true,
  disabledReason: true,
  allowPrivate: true,
  headers: true,
  version: true,
  createdAt: true,
} as const;

export type EndpointRow = Prisma.WebhookEndpointGetPayload<{ select: typeof endpointSelect }>;

export function listEndpoints(tx: Tx, workspaceId: string): Promise<EndpointRow[]> {
  return tx.webhookEndpoint.findMany({
    where: { workspaceId, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: endpointSelect,
  });
}

export function findEndpoint(tx: Tx, workspaceId: string, id: string): Promise<EndpointRow | null> {
  return tx.webhookEndpoint.findFirst({ where: { id, workspaceId, deletedAt: null }, select: endpointSelect });
}

export function findEndpointSecrets(tx: Tx, workspaceId: string, id: string) {
  return tx.webhookEndpoint.findFirst({
    where: { id, workspaceId, deletedAt: null },
    select: { id: true, version: true, secretEnc: true, previousSecretEnc: true, previousSecretUntil: true },
  });
}

export function countEndpoints(tx: Tx, workspaceId: string): Promise<number> {
  return tx.webhookEndpoint.count({ where: { workspaceId, deletedAt: null } });
}

/** The optimistic-concurrency write for edits: applies only when the version is still the one read. */
export async function updateEndpointIfVersion(
  tx: Tx,
  workspaceId: string,
  id: string,
  version: number,
  data: Prisma.WebhookEndpointUpdateManyMutationInput,
): Promise<boolean> {
  const r = await tx.webhookEndpoint.updateMany({
    where: { id, workspaceId, version, deletedAt: null },
    data: { ...data, version: { increment: 1 } },
  });
  return r.count === 1;
}

/** Dead-letters every delivery to the endpoint that has not been delivered yet. */
export async function deadLetterPending(tx: Tx, endpointId: string, reason: string, now: Date): Promise<number> {
  const r = await tx.webhookDelivery.updateMany({
    where: { endpointId, status: { in: ["pending", "delivering"] } },
    data: { status: "dead", deadReason: reason, leaseUntil: null, lockedBy: null, claimToken: null, updatedAt: now },
  });
  return r.count;
}

export type EndpointStats = {
  attempts: number;
  succeeded: number;
  pending: number;
  dead: number;
  /** hour key (`YYYY-MM-DDTHH`, UTC) → [attempts, succeeded] */
  hours: Map<string, [number, number]>;
};

/**
 * Attempts per endpoint and hour over a window, grouped in SQL (the attempt table is the largest
 * in this feature), plus pending and dead counts.
 */
export async function endpointStats(
  db: Db,
  workspaceId: string,
  since: Date,
  endpointId?: string,
): Promise<Map<string, EndpointStats>> {
  const pg = dialectOf(db) === "postgres";
  // One endpoint (a single card) reads only its rows, through the (workspaceId, endpointId, startedAt) index.
  const one = endpointId ? (pg ? ` AND "endpointId" = $3` : ` AND "endpointId" = ?`) : "";
  const args = endpointId ? [endpointId] : [];
  const hourly = pg
    ? await db.$queryRawUnsafe<{ endpointId: string; h: string; n: bigint | number; ok: bigint | number }[]>(
        `SELECT "endpointId", to_char("startedAt", 'YYYY-MM-DD"T"HH24') AS h, COUNT(*) AS n,
                SUM(CASE WHEN outcome = 'success' THEN 1 ELSE 0 END) AS ok
           FROM webhook_attempts WHERE "workspaceId" = $1 AND "startedAt" >= $2${one}
          GROUP BY 1, 2`,
        workspaceId,
        since,
        ...args,
      )
    : await db.$queryRawUnsafe<{ endpointId: string; h: string; n: bigint | number; ok: bigint | number }[]>(
        // Prisma stores SQLite DateTimes as ISO-8601 text (`2026-11-21T22:24:52.926+00:00`), so the
        // hour is the first 13 characters and text comparison orders them.
        `SELECT "endpointId", substr("startedAt", 1, 13) AS h, COUNT(*) AS n,
                SUM(CASE WHEN outcome = 'success' THEN 1 ELSE 0 END) AS ok
           FROM webhook_attempts WHERE "workspaceId" = ? AND "startedAt" >= ?${one}
          GROUP BY 1, 2`,
        workspaceId,
        since.toISOString().replace("Z", "+00:00"),
        ...args,
      );
  const states = await db.webhookDelivery.groupBy({
    by: ["endpointId", "status"],
    where: { workspaceId, ...(endpointId ? { endpointId } : {}), status: { in: ["pending", "delivering", "dead"] } },
    _count: { _all: true },
  });
  const out = new Map<string, EndpointStats>();
  const get = (id: string) => {
    let s = out.get(id);
    if (!s) {
      s = { attempts: 0, succeeded: 0, pending: 0, dead: 0, hours: new Map() };
      out.set(id, s);
    }
    return s;
  };
  for (const r of hourly) {
    const s = get(r.endpointId);
    const n = Number(r.n);
    const ok = Number(r.ok ?? 0);
    s.attempts += n;
    s.succeeded += ok;
    s.hours.set(r.h, [n, ok]);
  }
  for (const r of states) {
    const s = get(r.endpointId);
    if (r.status === "dead") s.dead += r._count._all;
    else s.pending += r._count._all;
  }
  return out;
}

// ---- the delivery log ---------------------------------------------------------------------------

export type DeliveryFilter = {
  endpointId?: string;
  status?: string;
  eventType?: string;
  eventId?: string;
  draftIds?: string[];
};

export function deliveryWhere(workspaceId: string, f: DeliveryFilter): Prisma.WebhookDeliveryWhereInput {
  return {
    workspaceId,
    ...(f.endpointId ? { endpointId: f.endpointId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.eventType ? { eventType: f.eventType } : {}),
    ...(f.eventId ? { eventId: f.eventId } : {}),
    ...(f.draftIds ? { event: { draftId: { in: f.draftIds } } } : {}),
  };
}

export const deliverySelect = {
  id: true,
  eventId: true,
  eventType: true,
  status: true,
  totalAttempts: true,
  nextAttemptAt: true,
  lastStatusCode: true,
  lastError: true,
  deadReason: true,
  deliveredAt: true,
  createdAt: true,
  endpoint: { select: { id: true, url: true, deletedAt: true } },
  event: { select: { draftId: true } },
} as const;

export type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof deliverySelect }>;

/** Newest first; keyset on (createdAt, id). */
export function listDeliveries(
  tx: Tx,
  workspaceId: string,
  f: DeliveryFilter,
  opts: { take: number; after?: { createdAt: Date; id: string } },
): Promise<DeliveryRow[]> {
  const where = deliveryWhere(workspaceId, f);
  return tx.webhookDelivery.findMany({
    where: opts.after
      ? {
          AND: [
            where,
            {
              OR: [
                { createdAt: { lt: opts.after.createdAt } },
                { createdAt: opts.after.createdAt, id: { lt: opts.after.id } },
              ],
            },
          ],
        }
      : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.take,
    select: deliverySelect,
  });
}

export async function deliveryCounts(tx: Tx, workspaceId: string) {
  const rows = await tx.webhookDelivery.groupBy({
    by: ["status"],
    where: { workspaceId },
    _count: { _all: true },
  });
  const n = (s: string) => rows.find((r) => r.status === s)?._count._all ?? 0;
  return { pending: n("pending") + n("delivering"), succeeded: n("succeeded"), dead: n("dead") };
}

export function findDelivery(tx: Tx, workspaceId: string, id: string) {
  return tx.webhookDelivery.findFirst({
    where: { id, workspaceId },
    select: {
      ...deliverySelect,
      event: { select: { draftId: true, body: true } },
      endpoint: { select: { id: true, url: true, deletedAt: true, enabled: true } },
      attemptRows: {
        orderBy: { attempt: "asc" },
        select: {
          attempt: true,
          startedAt: true,
          durationMs: true,
          statusCode: true,
          outcome: true,
          error: true,
          responseSnippet: true,
          nextRetryAt: true,
        },
      },
    },
  });
}

export function draftTitles(tx: Tx, workspaceId: string, ids: string[]) {
  return tx.draft.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, title: true } });
}

export function draftIdsByTitle(tx: Tx, workspaceId: string, q: string, take: number) {
  return tx.draft.findMany({
    where: { workspaceId, title: { contains: q } },
    select: { id: true },
    orderBy: { updatedAt: "desc" },
    take,
  });
}

/** For a replay: the delivery's state and its endpoint's. */
export function findForReplay(tx: Tx, workspaceId: string, ids: string[]) {
  return tx.webhookDelivery.findMany({
    where: { workspaceId, id: { in: ids } },
    select: {
      id: true,
      status: true,
      endpoint: { select: { deletedAt: true, enabled: true, url: true } },
    },
  });
}

export function findDeadIds(tx: Tx, workspaceId: string, endpointId: string | undefined, take: number) {
  return tx.webhookDelivery.findMany({
    where: { workspaceId, status: "dead", ...(endpointId ? { endpointId } : {}) },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take,
  });
}

/** Back to the queue as a new round (the retry schedule starts over), if still in the state read. */
export async function requeue(tx: Tx, id: string, fromStatus: string, now: Date): Promise<boolean> {
  const r = await tx.webhookDelivery.updateMany({
    where: { id, status: fromStatus },
    data: {
      status: "pending",
      attempts: 0,
      nextAttemptAt: now,
      deadReason: null,
      leaseUntil: null,
      lockedBy: null,
      claimToken: null,
    },
  });
  return r.count === 1;
}

/** Recent events about a draft with their deliveries' states. */
export async function eventsOfDraft(tx: Tx, workspaceId: string, draftId: string, take: number) {
  return tx.webhookEvent.findMany({
    where: { workspaceId, draftId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, type: true, createdAt: true, deliveries: { select: { status: true } } },
  });
}

// ---- published pages ------------------------------------------------------------------------------

export const pageSelect = {
  draftId: true,
  slug: true,
  title: true,
  status: true,
  revision: true,
  publishedAt: true,
  unpublishedAt: true,
  updatedAt: true,
  workspaceId: true,
} as const;

export function findPageOfDraft(tx: Tx, draftId: string) {
  return tx.publishedPage.findUnique({ where: { draftId }, select: pageSelect });
}

export function findPageBySlug(tx: Tx, slug: string) {
  return tx.publishedPage.findUnique({ where: { slug }, select: pageSelect });
}

export function listPages(
  tx: Tx,
  workspaceId: string,
  opts: { take: number; after?: { updatedAt: Date; id: string } },
) {
  return tx.publishedPage.findMany({
    where: {
      workspaceId,
      ...(opts.after
        ? {
            OR: [
              { updatedAt: { lt: opts.after.updatedAt } },
              { updatedAt: opts.after.updatedAt, draftId: { lt: opts.after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ updatedAt: "desc" }, { draftId: "desc" }],
    take: opts.take,
    select: pageSelect,
  });
}
