import type { Tx } from "@/server/context";
import { NEWEST_FIRST, olderThan, type Keyset } from "@/server/db/keyset";
import type { Prisma } from "@/server/generated/sqlite/client";

export type AuditInput = {
  workspaceId: string | null;
  actorType: "user" | "api_key" | "system";
  actorId?: string | null;
  actorLabel?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  requestId?: string | null;
};

export function insertAuditEvent(tx: Tx, e: AuditInput) {
  return tx.auditEvent.create({
    data: {
      workspaceId: e.workspaceId,
      actorType: e.actorType,
      actorId: e.actorId ?? null,
      actorLabel: e.actorLabel ?? null,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId ?? null,
      before: e.before ?? undefined,
      after: e.after ?? undefined,
      requestId: e.requestId ?? null,
    },
  });
}

/** Newest first, keyset-paginated on (createdAt, id) so pages stay fast and stable. */
export async function listAuditEvents(tx: Tx, workspaceId: string, opts: { limit: number; cursor?: Keyset }) {
  const rows = await tx.auditEvent.findMany({
    where: { workspaceId, ...olderThan(opts.cursor) },
    orderBy: NEWEST_FIRST,
    take: opts.limit + 1,
  });
  return { items: rows.slice(0, opts.limit), hasMore: rows.length > opts.limit };
}
