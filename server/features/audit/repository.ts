import type { Tx } from "@/server/context";
import { NEWEST_FIRST, olderThan, type Keyset } from "@/server/db/keyset";
import type { Prisma } from "@/server/generated/sqlite/client";
import type { AuditFilters } from "@/lib/schemas/audit";

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

/** `2026-03-01` is midnight UTC; a date-time keeps its own offset. */
export function instant(v: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00.000Z` : v);
}

/**
 * The filters as a Prisma condition. Each filter is an exact match that an index
 * serves ((workspaceId, action, createdAt), (entityType, entityId)); the only
 * pattern is an action prefix (`draft.*`), a left-anchored LIKE.
 */
export function auditWhere(workspaceId: string, f: AuditFilters): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [{ workspaceId }];
  if (f.action) {
    const prefix = f.action.endsWith("*") ? f.action.slice(0, -1) : null;
    and.push(prefix !== null ? (prefix ? { action: { startsWith: prefix } } : {}) : { action: f.action });
  }
  if (f.entityType) and.push({ entityType: f.entityType });
  if (f.entityId) and.push({ entityId: f.entityId });
  if (f.actor) {
    // Emails are stored lower-cased; an API key's name keeps its case.
    const labels = [...new Set([f.actor, f.actor.toLowerCase()])];
    and.push({ OR: [{ actorId: f.actor }, ...labels.map((actorLabel) => ({ actorLabel }))] });
  }
  if (f.from) and.push({ createdAt: { gte: instant(f.from) } });
  if (f.to) and.push({ createdAt: { lt: instant(f.to) } });
  return { AND: and };
}

/** Newest first, keyset-paginated on (createdAt, id) so pages stay fast and stable. */
export async function listAuditEvents(
  tx: Tx,
  workspaceId: string,
  opts: { limit: number; cursor?: Keyset; filters?: AuditFilters },
) {
  const rows = await tx.auditEvent.findMany({
    where: { AND: [auditWhere(workspaceId, opts.filters ?? {}), olderThan(opts.cursor)] },
    orderBy: NEWEST_FIRST,
    take: opts.limit + 1,
  });
  return { items: rows.slice(0, opts.limit), hasMore: rows.length > opts.limit };
}

const OLDEST_FIRST = [{ createdAt: "asc" as const }, { id: "asc" as const }];

/** One page of an export, oldest first (the order an auditor reads a trail in). */
export function exportPage(
  tx: Tx,
  workspaceId: string,
  filters: AuditFilters,
  after: Keyset | undefined,
  take: number,
) {
  return tx.auditEvent.findMany({
    where: {
      AND: [
        auditWhere(workspaceId, filters),
        after
          ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }
          : {},
      ],
    },
    orderBy: OLDEST_FIRST,
    take,
  });
}

export async function auditFacets(tx: Tx, workspaceId: string) {
  const [actions, entityTypes] = await Promise.all([
    tx.auditEvent.groupBy({ by: ["action"], where: { workspaceId }, orderBy: { action: "asc" } }),
    tx.auditEvent.groupBy({ by: ["entityType"], where: { workspaceId }, orderBy: { entityType: "asc" } }),
  ]);
  return { actions: actions.map((a) => a.action), entityTypes: entityTypes.map((e) => e.entityType) };
}

export async function workspaceSlug(tx: Tx, workspaceId: string): Promise<string | null> {
  return (await tx.workspace.findUnique({ where: { id: workspaceId }, select: { slug: true } }))?.slug ?? null;
}

// ---- the chain, for verification ----------------------------------------------------------------

export const CHAIN_EVENT_SELECT = {
  id: true,
  workspaceId: true,
  actorType: true,
  actorId: true,
  actorLabel: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  requestId: true,
  createdAt: true,
  chainKey: true,
  seq: true,
  prevHash: true,
  hash: true,
} as const;

/** The next `take` events of a chain by seq, after `afterSeq` (all of them with a seq when null). */
export function chainEvents(tx: Tx, key: string, afterSeq: number | null, upTo: number | null, take: number) {
  return tx.auditEvent.findMany({
    where: {
      chainKey: key,
      seq: { ...(afterSeq === null ? { not: null } : { gt: afterSeq }), ...(upTo === null ? {} : { lte: upTo }) },
    },
    orderBy: { seq: "asc" },
    take,
    select: CHAIN_EVENT_SELECT,
  });
}

export function chainHead(tx: Tx, key: string) {
  return tx.auditChain.findUnique({ where: { key }, select: { seq: true, lastHash: true } });
}

/** Every chain key: the heads, plus chains whose head is gone. */
export async function chainKeys(tx: Tx): Promise<string[]> {
  const [heads, used] = await Promise.all([
    tx.auditChain.findMany({ select: { key: true } }),
    tx.auditEvent.groupBy({ by: ["chainKey"], where: { chainKey: { not: null } } }),
  ]);
  return [...new Set([...heads.map((h) => h.key), ...used.map((u) => u.chainKey!)])].sort();
}

/** Events of a chain with a chain key but no seq: written outside Lectern. */
export function countSeqless(tx: Tx, key: string) {
  return tx.auditEvent.count({ where: { chainKey: key, seq: null } });
}

export function countUnchained(tx: Tx, where: { workspaceId?: string | null; since?: Date }) {
  return tx.auditEvent.count({
    where: {
      chainKey: null,
      ...(where.workspaceId !== undefined ? { workspaceId: where.workspaceId } : {}),
      ...(where.since ? { createdAt: { gt: where.since } } : {}),
    },
  });
}
