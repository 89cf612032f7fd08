import type { Actor, Tx, WorkspaceCtx } from "@/server/context";
import { AppError } from "@/lib/errors";
import { requireRole } from "@/server/auth/authorize";
import { insertAuditEvent, listAuditEvents, type AuditInput } from "./repository";

/**
 * Records what an actor did inside the same transaction as the change, so
 * the trail can never disagree with the data.
 */
export function audit(
  tx: Tx,
  ctx: Pick<WorkspaceCtx, "actor" | "requestId"> & { workspaceId: string | null },
  e: Pick<AuditInput, "action" | "entityType" | "entityId" | "before" | "after">,
) {
  return insertAuditEvent(tx, {
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

export async function listWorkspaceAudit(ctx: WorkspaceCtx, q: { limit: number; cursor?: string }) {
  requireRole(ctx, "admin", "read the audit trail");
  const page = await listAuditEvents(ctx.db, ctx.workspaceId, {
    limit: q.limit,
    cursor: q.cursor ? decodeCursor(q.cursor) : undefined,
  });
  return {
    items: page.items.map((e) => ({
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
    })),
    nextCursor: page.hasMore && page.items.length ? encodeCursor(page.items[page.items.length - 1]!) : null,
  };
}
