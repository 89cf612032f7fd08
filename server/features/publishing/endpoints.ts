/**
 * Webhook endpoints (admins): create, edit, rotate the signing secret with an overlap, reveal it,
 * send a test event, delete. Every change is audited; secrets are sealed at rest and only
 * returned by create, rotate and an explicit (audited) reveal.
 */
import { AppError } from "@/lib/errors";
import {
  CustomHeaders,
  EndpointBody,
  EndpointPatch,
  EventType,
  RotateSecretBody,
  TEST_EVENT_TYPE,
  type EndpointList,
  type EndpointOut,
  type EndpointWithSecret,
  type RevealedSecret,
  type TestEventResult,
} from "@/lib/schemas/publishing";
import type { WorkspaceCtx } from "@/server/context";
import type { Prisma } from "@/server/generated/sqlite/client";
import { requireRole } from "@/server/auth/authorize";
import { audit } from "@/server/features/audit/service";
import { last4 } from "@/server/secrets";
import { decodeEventTypes, emitEvent, encodeEventTypes } from "./outbox";
import * as repo from "./repository";
import { openWebhookSecret, sealWebhookSecret } from "./secret-store";
import { generateSecret } from "./signing";
import { checkEndpointUrl } from "./ssrf";

export type EndpointDeps = {
  secretKey: Buffer;
  /** DNS lookup for the URL check (tests inject one). */
  lookup?: Parameters<typeof checkEndpointUrl>[1]["lookup"];
  now?: () => Date;
  /** Called after a commit that queued deliveries (wakes the in-process worker). */
  onQueued?: () => void;
};

const MAX_ENDPOINTS = 50;
const HOUR = 3_600_000;

function notFound(): AppError {
  return new AppError("not_found:endpoint", "No such webhook endpoint in this workspace (it may have been deleted).");
}

function stale(): AppError {
  return new AppError(
    "conflict:stale_version",
    "Someone changed this endpoint since you opened it. Reload to see the current settings; nothing was saved.",
  );
}

/** The SSRF guard at save time: scheme, credentials and blocked addresses are errors; DNS failure is a warning. */
async function vetUrl(url: string, allowPrivate: boolean, deps: EndpointDeps): Promise<string | null> {
  const r = await checkEndpointUrl(url, { allowPrivate, lookup: deps.lookup });
  if (r.ok) return null;
  if (r.code === "unresolvable")
    return `${r.message} Deliveries will be attempted anyway; they fail until the name resolves.`;
  throw new AppError("validation:url", r.message, { details: { fields: { url: [r.message] } } });
}

function hourKey(t: number): string {
  return new Date(t).toISOString().slice(0, 13);
}

function toOut(
  row: repo.EndpointRow,
  stats: repo.EndpointStats | undefined,
  now: Date,
  warning: string | null,
): EndpointOut {
  const hours: (number | null)[] = [];
  const start = Math.floor(now.getTime() / HOUR) * HOUR - 23 * HOUR;
  for (let i = 0; i < 24; i++) {
    const h = stats?.hours.get(hourKey(start + i * HOUR));
    hours.push(h && h[0] > 0 ? h[1] / h[0] : null);
  }
  const overlap = row.previousSecretUntil && row.previousSecretUntil > now ? row.previousSecretUntil : null;
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: decodeEventTypes(row.eventTypes).filter((t): t is EventType => EventType.safeParse(t).success),
    enabled: row.enabled,
    disabledReason: row.enabled ? null : row.disabledReason,
    allowPrivate: row.allowPrivate,
    headers: CustomHeaders.catch({}).parse(row.headers),
    secretLast4: row.secretLast4,
    previousSecretUntil: overlap?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    stats: {
      attempts: stats?.attempts ?? 0,
      succeeded: stats?.succeeded ?? 0,
      successRate: stats && stats.attempts > 0 ? stats.succeeded / stats.attempts : null,
      pending: stats?.pending ?? 0,
      dead: stats?.dead ?? 0,
      sparkline: hours,
    },
    warning,
  };
}

async function outOne(ctx: WorkspaceCtx, id: string, now: Date, warning: string | null): Promise<EndpointOut> {
  const row = await repo.findEndpoint(ctx.db, ctx.workspaceId, id);
  if (!row) throw notFound();
  const stats = await repo.endpointStats(ctx.db, ctx.workspaceId, new Date(now.getTime() - 24 * HOUR), id);
  return toOut(row, stats.get(id), now, warning);
}

export async function listEndpoints(ctx: WorkspaceCtx, deps: Pick<EndpointDeps, "now"> = {}): Promise<EndpointList> {
  requireRole(ctx, "admin", "manage webhook endpoints");
  const now = deps.now?.() ?? new Date();
  const [rows, stats] = await Promise.all([
    repo.listEndpoints(ctx.db, ctx.workspaceId),
    repo.endpointStats(ctx.db, ctx.workspaceId, new Date(now.getTime() - 24 * HOUR)),
  ]);
  return { items: rows.map((r) => toOut(r, stats.get(r.id), now, null)) };
}

export async function getEndpoint(ctx: WorkspaceCtx, id: string, deps: Pick<EndpointDeps, "now"> = {}) {
  requireRole(ctx, "admin", "manage webhook endpoints");
  return outOne(ctx, id, deps.now?.() ?? new Date(), null);
}

export async function createEndpoint(ctx: WorkspaceCtx, raw: unknown, deps: EndpointDeps): Promise<EndpointWithSecret> {
  requireRole(ctx, "admin", "manage webhook endpoints");
  const body = EndpointBody.parse(raw);
  const warning = await vetUrl(body.url, body.allowPrivate, deps);
  const now = deps.now?.() ?? new Date();
  const secret = generateSecret();
  const id = await ctx.db.$transaction(async (tx) => {
    if ((await repo.countEndpoints(tx, ctx.workspaceId)) >= MAX_ENDPOINTS)
      throw new AppError(
        "conflict:limit",
        `A workspace can have at most ${MAX_ENDPOINTS} webhook endpoints; delete one you no longer use.`,
      );
    const e = await tx.webhookEndpoint.create({
      data: {
        workspaceId: ctx.workspaceId,
        url: body.url,
        description: body.description,
        eventTypes: encodeEventTypes(body.eventTypes),
        secretEnc: sealWebhookSecret(deps.secretKey, ctx.workspaceId, secret),
        secretLast4: last4(secret),
        enabled: body.enabled,
        disabledReason: body.enabled ? null : "Disabled when it was created.",
        allowPrivate: body.allowPrivate,
        headers: body.headers,
        createdById: ctx.actor.type === "user" ? ctx.actor.id : null,
        createdAt: now,
      },
      select: { id: true },
    });
    await audit(tx, ctx, {
      action: "webhook.endpoint_created",
      entityType: "webhook_endpoint",
      entityId: e.id,
      after: {
        url: body.url,
        eventTypes: body.eventTypes,
        enabled: body.enabled,
        allowPrivate: body.allowPrivate,
        headerNames: Object.keys(body.headers),
      },
    });
    return e.id;
  });
  return { ...(await outOne(ctx, id, now, warning)), secret };
}

export async function updateEndpoint(
  ctx: WorkspaceCtx,
  id: string,
  raw: unknown,
  deps: EndpointDeps,
): Promise<EndpointOut> {
  requireRole(ctx, "admin", "manage webhook endpoints");
  const patch = EndpointPatch.parse(raw);
  const now = deps.now?.() ?? new Date();
  const current = await repo.findEndpoint(ctx.db, ctx.workspaceId, id);
  if (!current) throw notFound();
  const url = patch.url ?? current.url;
  const allowPrivate = patch.allowPrivate ?? current.allowPrivate;
  const warning =
    patch.url !== undefined || patch.allowPrivate !== undefined ? await vetUrl(url, allowPrivate, deps) : null;
  await ctx.db.$transaction(async (tx) => {
    const before = await repo.findEndpoint(tx, ctx.workspaceId, id);
    if (!before) throw notFound();
    if (before.version !== patch.version) throw stale();
    const enabling = patch.enabled === true && !before.enabled;
    const disabling = patch.enabled === false && before.enabled;
    const ok = await repo.updateEndpointIfVersion(tx, ctx.workspaceId, id, patch.version, {
      ...(patch.url !== undefined ? { url: patch.url } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.eventTypes !== undefined ? { eventTypes: encodeEventTypes(patch.eventTypes) } : {}),
      ...(patch.allowPrivate !== undefined ? { allowPrivate: patch.allowPrivate } : {}),
      ...(patch.headers !== undefined ? { headers: patch.headers } : {}),
      ...(enabling ? { enabled: true, disabledReason: null } : {}),
      ...(disabling
        ? { enabled: false, disabledReason: `Disabled by ${ctx.actor.label} on ${now.toISOString().slice(0, 10)}.` }
        : {}),
    });
    if (!ok) throw stale();
    if (disabling)
      await repo.deadLetterPending(
        tx,
        id,
        `The endpoint was disabled by ${ctx.actor.label}; replay after enabling it again.`,
        now,
      );
    const changed = Object.keys(patch).filter((k) => k !== "version");
    await audit(tx, ctx, {
      action: "webhook.endpoint_updated",
      entityType: "webhook_endpoint",
      entityId: id,
      before: pick(before, changed),
      after: {
        ...pick({ ...before, ...patch, eventTypes: patch.eventTypes ?? decodeEventTypes(before.eventTypes) }, changed),
        ...(patch.headers ? { headers: Object.keys(patch.headers) } : {}),
      },
    });
  });
  return outOne(ctx, id, now, warning);
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, Prisma.InputJsonValue | null> {
  const out: Record<string, Prisma.InputJsonValue | null> = {};
  for (const k of keys) {
    const v = o[k];
    // Header values may carry credentials: the trail keeps their names only.
    out[k] =
      k === "headers" && v && typeof v === "object"
        ? Object.keys(v)
        : k === "eventTypes" && typeof v === "string"
          ? decodeEventTypes(v)
          : v instanceof Date
            ? v.toISOString()
            : ((v ?? null) as Prisma.InputJsonValue | null);
  }
  return out;
}

/** Soft delete: the endpoint stays for the log; its undelivered events are dead-lettered with the reason. */
export async function deleteEndpoint(ctx: WorkspaceCtx, id: string, deps: Pick<EndpointDeps, "now"> = {}) {
  requireRole(ctx, "admin", "manage webhook endpoints");
  const now = deps.now?.() ?? new Date();
  await ctx.db.$transaction(async (tx) => {
    const e = await repo.findEndpoint(tx, ctx.workspaceId, id);
    if (!e) throw notFound();
    const r = await tx.webhookEndpoint.updateMany({
      where: { id, workspaceId: ctx.workspaceId, deletedAt: null },
      data: { deletedAt: now, enabled: false, disabledReason: "Deleted.", version: { increment: 1 } },
    });
    if (r.count !== 1) throw notFound();
    const dead = await repo.deadLetterPending(
      tx,
      id,
      `The endpoint was deleted by ${ctx.actor.label} on ${now.toISOString().slice(0, 16).replace("T", " ")} UTC before this event was delivered.`,
      now,
    );
    await audit(tx, ctx, {
      action: "webhook.endpoint_deleted",
      entityType: "webhook_endpoint",
      entityId: id,
      before: { url: e.url },
      after: { deadLettered: dead },
    });
  });
}

/**
 * A new secret; the previous one keeps signing until the overlap ends (receivers see both
 * signatures meanwhile, so they can switch without dropping a delivery).
 */
export async function rotateSecret(
  ctx: WorkspaceCtx,
  id: string,
  raw: unknown,
  deps: EndpointDeps,
): Promise<EndpointWithSecret> {
  requireRole(ctx, "admin", "rotate webhook secrets");
  const body = RotateSecretBody.parse(raw ?? {});
  const now = deps.now?.() ?? new Date();
  const secret = generateSecret();
  await ctx.db.$transaction(async (tx) => {
    const e = await repo.findEndpointSecrets(tx, ctx.workspaceId, id);
    if (!e) throw notFound();
    const until = body.overlapHours > 0 ? new Date(now.getTime() + body.overlapHours * HOUR) : null;
    const ok = await repo.updateEndpointIfVersion(tx, ctx.workspaceId, id, e.version, {
      secretEnc: sealWebhookSecret(deps.secretKey, ctx.workspaceId, secret),
      secretLast4: last4(secret),
      previousSecretEnc: until ? e.secretEnc : null,
      previousSecretUntil: until,
    });
    if (!ok) throw stale();
    await audit(tx, ctx, {
      action: "webhook.secret_rotated",
      entityType: "webhook_endpoint",
      entityId: id,
      after: { overlapHours: body.overlapHours, previousSecretUntil: until?.toISOString() ?? null },
    });
  });
  return { ...(await outOne(ctx, id, now, null)), secret };
}

export async function revealSecret(ctx: WorkspaceCtx, id: string, deps: EndpointDeps): Promise<RevealedSecret> {
  requireRole(ctx, "admin", "see webhook secrets");
  const e = await repo.findEndpointSecrets(ctx.db, ctx.workspaceId, id);
  if (!e) throw notFound();
  const secret = openWebhookSecret(deps.secretKey, ctx.workspaceId, e.secretEnc);
  await audit(ctx.db, ctx, { action: "webhook.secret_revealed", entityType: "webhook_endpoint", entityId: id });
  return { secret };
}

/** A `webhook.test` event to this endpoint only, through the same outbox and worker as real events. */
export async function sendTestEvent(ctx: WorkspaceCtx, id: string, deps: EndpointDeps): Promise<TestEventResult> {
  requireRole(ctx, "admin", "send test events");
  const now = deps.now?.() ?? new Date();
  const r = await ctx.db.$transaction(async (tx) => {
    const e = await repo.findEndpoint(tx, ctx.workspaceId, id);
    if (!e) throw notFound();
    if (!e.enabled)
      throw new AppError("conflict:disabled", "This endpoint is disabled; enable it before sending a test event.");
    const emitted = await emitEvent(tx, {
      workspaceId: ctx.workspaceId,
      type: TEST_EVENT_TYPE,
      endpointIds: [id],
      now,
      data: {
        message: "A test event from Lectern. If you can read this, the endpoint receives and can verify deliveries.",
        endpointId: id,
        sentBy: ctx.actor.label,
      },
    });
    await audit(tx, ctx, {
      action: "webhook.test_sent",
      entityType: "webhook_endpoint",
      entityId: id,
      after: { eventId: emitted.eventId },
    });
    return { eventId: emitted.eventId, deliveryId: emitted.deliveryIds[0] ?? "" };
  });
  deps.onQueued?.();
  return r;
}
