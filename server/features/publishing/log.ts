/**
 * The delivery log (editors and admins) and replay (admins): every delivery with its attempts,
 * filters and search, and putting dead-lettered (or delivered) deliveries back in the queue with
 * the same `webhook-id`, so receivers that already have the event de-duplicate it.
 */
import { AppError } from "@/lib/errors";
import {
  DeliveryQuery,
  ReplayBody,
  type AttemptOutcome,
  type DeliveryDetail,
  type DeliveryOut,
  type DeliveryPage,
  type DeliveryStatus,
  type ReplayResult,
} from "@/lib/schemas/publishing";
import type { WorkspaceCtx } from "@/server/context";
import { requireRole } from "@/server/auth/authorize";
import { audit, decodeCursor, encodeCursor } from "@/server/features/audit/service";
import * as repo from "./repository";

/** Replays in one request ("Replay all dead"): more is a CLI/API loop, not one click. */
export const REPLAY_ALL_LIMIT = 5_000;

function toOut(r: repo.DeliveryRow, titles: Map<string, string>): DeliveryOut {
  const draftId = r.event.draftId;
  return {
    id: r.id,
    eventId: r.eventId,
    eventType: r.eventType,
    endpoint: { id: r.endpoint.id, url: r.endpoint.url, deleted: r.endpoint.deletedAt !== null },
    status: r.status as DeliveryStatus,
    attempts: r.totalAttempts,
    nextAttemptAt: r.status === "pending" ? r.nextAttemptAt.toISOString() : null,
    lastStatusCode: r.lastStatusCode,
    lastError: r.lastError,
    deadReason: r.deadReason,
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    draft: draftId ? { id: draftId, title: titles.get(draftId) ?? "(deleted draft)" } : null,
  };
}

async function titlesOf(ctx: WorkspaceCtx, rows: { event: { draftId: string | null } }[]) {
  const ids = [...new Set(rows.map((r) => r.event.draftId).filter((x): x is string => Boolean(x)))];
  if (ids.length === 0) return new Map<string, string>();
  return new Map((await repo.draftTitles(ctx.db, ctx.workspaceId, ids)).map((d) => [d.id, d.title]));
}

export async function listDeliveries(ctx: WorkspaceCtx, raw: unknown): Promise<DeliveryPage> {
  requireRole(ctx, "editor", "see webhook deliveries");
  const q = DeliveryQuery.parse(raw);
  const filter: repo.DeliveryFilter = { endpointId: q.endpointId, status: q.status, eventType: q.eventType };
  const counts = repo.deliveryCounts(ctx.db, ctx.workspaceId);
  if (q.q) {
    if (/^msg_[A-Za-z0-9_-]+$/.test(q.q)) filter.eventId = q.q;
    else {
      const ids = await repo.draftIdsByTitle(ctx.db, ctx.workspaceId, q.q, 200);
      if (ids.length === 0) return { items: [], nextCursor: null, counts: await counts };
      filter.draftIds = ids.map((d) => d.id);
    }
  }
  const after = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await repo.listDeliveries(ctx.db, ctx.workspaceId, filter, { take: q.limit + 1, after });
  const page = rows.slice(0, q.limit);
  const titles = await titlesOf(ctx, page);
  const last = page.at(-1);
  return {
    items: page.map((r) => toOut(r, titles)),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
    counts: await counts,
  };
}

export async function deliveryDetail(ctx: WorkspaceCtx, id: string): Promise<DeliveryDetail> {
  requireRole(ctx, "editor", "see webhook deliveries");
  const r = await repo.findDelivery(ctx.db, ctx.workspaceId, id);
  if (!r) throw new AppError("not_found:delivery", "No such delivery in this workspace.");
  const titles = await titlesOf(ctx, [r]);
  return {
    ...toOut(r, titles),
    body: r.event.body,
    attemptLog: r.attemptRows.map((a) => ({
      attempt: a.attempt,
      startedAt: a.startedAt.toISOString(),
      durationMs: a.durationMs,
      statusCode: a.statusCode,
      outcome: a.outcome as AttemptOutcome,
      error: a.error,
      responseSnippet: a.responseSnippet,
      nextRetryAt: a.nextRetryAt?.toISOString() ?? null,
    })),
  };
}

/**
 * Dead (or already delivered) deliveries go back to the queue as a new round of the retry
 * schedule. Each is re-read and flipped only from the state it was read in, so a replay racing
 * the worker or another replay never queues one twice.
 */
export async function replayDeliveries(
  ctx: WorkspaceCtx,
  raw: unknown,
  deps: { now?: () => Date; onQueued?: () => void } = {},
): Promise<ReplayResult> {
  requireRole(ctx, "admin", "replay webhook deliveries");
  const body = ReplayBody.parse(raw);
  const now = deps.now?.() ?? new Date();
  const ids =
    "ids" in body
      ? [...new Set(body.ids)]
      : (await repo.findDeadIds(ctx.db, ctx.workspaceId, body.endpointId, REPLAY_ALL_LIMIT)).map((r) => r.id);
  const out: ReplayResult = { replayed: [], skipped: [] };
  if (ids.length === 0) return out;
  await ctx.db.$transaction(async (tx) => {
    const rows = new Map((await repo.findForReplay(tx, ctx.workspaceId, ids)).map((r) => [r.id, r]));
    for (const id of ids) {
      const r = rows.get(id);
      const why = !r
        ? "No such delivery in this workspace."
        : r.endpoint.deletedAt
          ? "Its endpoint was deleted; events cannot be sent to it any more."
          : !r.endpoint.enabled
            ? "Its endpoint is disabled; enable it first, then replay."
            : r.status === "pending" || r.status === "delivering"
              ? "It is already queued for delivery."
              : null;
      if (why || !r) {
        out.skipped.push({ id, reason: why ?? "No such delivery in this workspace." });
        continue;
      }
      if (await repo.requeue(tx, id, r.status, now)) out.replayed.push(id);
      else out.skipped.push({ id, reason: "It changed while replaying; reload and try again." });
    }
    if (out.replayed.length > 0)
      await audit(tx, ctx, {
        action: "webhook.deliveries_replayed",
        entityType: "webhook_delivery",
        entityId: out.replayed.length === 1 ? (out.replayed[0] ?? null) : null,
        after: {
          count: out.replayed.length,
          ids: out.replayed.slice(0, 100),
          ...("allDead" in body ? { allDead: true, endpointId: body.endpointId ?? null } : {}),
        },
      });
  });
  if (out.replayed.length > 0) deps.onQueued?.();
  return out;
}
