import type { Actor, Tx, WorkspaceCtx } from "@/server/context";
import { AppError } from "@/lib/errors";
import type { AuditEventOut, AuditFacets, AuditFilters, AuditQuery, AuditVerifyResult } from "@/lib/schemas/audit";
import { requireRole } from "@/server/auth/authorize";
import { appendAuditEvent } from "./chain";
import { auditCsvResponse } from "./export";
import { auditFacets, listAuditEvents, type AuditInput } from "./repository";
import { verifyAuditChain } from "./verify";

export { verifyAuditChain } from "./verify";

/**
 * Records what an actor did inside the same transaction as the change, so
 * the trail can never disagree with the data. The event is appended to the
 * workspace's hash chain (see chain.ts); passing the plain client instead of a
 * transaction works too (the append then opens its own).
 */
export function audit(
  tx: Tx,
  ctx: Pick<WorkspaceCtx, "actor" | "requestId"> & { workspaceId: string | null },
  e: Pick<AuditInput, "action" | "entityType" | "entityId" | "before" | "after">,
) {
  return appendAuditEvent(tx, {
    ...e,
    workspaceId: ctx.workspaceId,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id ?? null,
    actorLabel: ctx.actor.label,
    requestId: ctx.requestId,
  });
}

/** Opaque cursor: base64url of "<iso time>|<id>". */
export function encodeCursor(e: { createdAt: Date; id: string }): string {
  return Buffer.from(`${e.createdAt.toISOString()}|${e.id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime()))
    throw new AppError("bad_request:cursor", "The pagination cursor is not valid. Start again from the first page.");
  return { createdAt, id };
}

type EventRow = Awaited<ReturnType<typeof listAuditEvents>>["items"][number];

export function toAuditEventOut(e: EventRow): AuditEventOut {
  return {
    id: e.id,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    // The column only ever receives Actor["type"] (see audit()); the response schema re-checks it.
    actor: { type: e.actorType as Actor["type"], id: e.actorId, label: e.actorLabel },
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId,
    createdAt: e.createdAt.toISOString(),
    seq: e.seq,
    hash: e.hash,
  };
}

function filtersOf(q: AuditFilters): AuditFilters {
  return { action: q.action, entityType: q.entityType, entityId: q.entityId, actor: q.actor, from: q.from, to: q.to };
}

export async function listWorkspaceAudit(ctx: WorkspaceCtx, q: Partial<AuditQuery> & { limit: number }) {
  requireRole(ctx, "admin", "read the audit trail");
  const page = await listAuditEvents(ctx.db, ctx.workspaceId, {
    limit: q.limit,
    cursor: q.cursor ? decodeCursor(q.cursor) : undefined,
    filters: filtersOf(q),
  });
  return {
    items: page.items.map(toAuditEventOut),
    nextCursor: page.hasMore && page.items.length ? encodeCursor(page.items[page.items.length - 1]!) : null,
  };
}

export async function listAuditFacets(ctx: WorkspaceCtx): Promise<AuditFacets> {
  requireRole(ctx, "admin", "read the audit trail");
  return auditFacets(ctx.db, ctx.workspaceId);
}

/** The filtered trail as a streamed CSV file (oldest first). */
export async function exportWorkspaceAudit(ctx: WorkspaceCtx, q: AuditFilters): Promise<Response> {
  requireRole(ctx, "admin", "export the audit trail");
  return auditCsvResponse(ctx.db, ctx.workspaceId, filtersOf(q));
}

export async function verifyWorkspaceAudit(ctx: WorkspaceCtx): Promise<AuditVerifyResult> {
  requireRole(ctx, "admin", "verify the audit trail");
  return verifyAuditChain(ctx.db, { workspaceId: ctx.workspaceId });
}
