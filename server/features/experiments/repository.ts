/** The experiments feature's only database access. */
import type { Tx } from "@/server/context";
import type { Db } from "@/server/db/client";
import type { Prisma } from "@/server/generated/sqlite/client";

const withArms = {
  arms: { orderBy: { key: "asc" } },
  draft: { select: { id: true, title: true, format: true } },
} as const;

export type ExperimentRow = NonNullable<Awaited<ReturnType<typeof findExperiment>>>;

export function findDraft(tx: Tx, workspaceId: string, id: string) {
  return tx.draft.findFirst({
    where: { id, workspaceId },
    select: { id: true, title: true, format: true, status: true, content: true },
  });
}

export function findExperiment(tx: Tx, workspaceId: string, id: string) {
  return tx.experiment.findFirst({ where: { id, workspaceId }, include: withArms });
}

export function listExperiments(tx: Tx, workspaceId: string) {
  return tx.experiment.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
    include: withArms,
  });
}

export function insertExperiment(
  tx: Tx,
  data: Omit<Prisma.ExperimentUncheckedCreateInput, "arms">,
  arms: { key: string; label: string; text: string }[],
) {
  return tx.experiment.create({ data: { ...data, arms: { create: arms } }, select: { id: true } });
}

/** Stops a running experiment at `version`; false when it was stopped or changed meanwhile. */
export async function stopIfVersion(tx: Tx, workspaceId: string, id: string, version: number, at: Date) {
  const r = await tx.experiment.updateMany({
    where: { id, workspaceId, version, status: "running" },
    data: { status: "stopped", stoppedAt: at, version: { increment: 1 } },
  });
  return r.count === 1;
}

export function findAssignment(tx: Tx, experimentId: string, unitId: string) {
  return tx.experimentAssignment.findUnique({ where: { experimentId_unitId: { experimentId, unitId } } });
}

/**
 * Records the unit's arm and counts its impression in one batch transaction: either both
 * happen or neither. A concurrent first assignment of the same unit fails with P2002.
 */
export function insertAssignment(db: Db, experimentId: string, unitId: string, armKey: string) {
  return db.$transaction([
    db.experimentAssignment.create({ data: { experimentId, unitId, armKey } }),
    db.experimentArm.update({
      where: { experimentId_key: { experimentId, key: armKey } },
      data: { impressions: { increment: 1 } },
    }),
  ]);
}

export function findOutcome(tx: Tx, experimentId: string, eventId: string) {
  return tx.experimentOutcome.findUnique({ where: { experimentId_eventId: { experimentId, eventId } } });
}

/** Records the event id and increments the arm's counter atomically; a repeated id fails with P2002. */
export function insertOutcome(
  db: Db,
  experimentId: string,
  eventId: string,
  armKey: string,
  kind: "click" | "conversion",
) {
  return db.$transaction([
    db.experimentOutcome.create({ data: { experimentId, eventId, armKey, kind } }),
    db.experimentArm.update({
      where: { experimentId_key: { experimentId, key: armKey } },
      data: kind === "click" ? { clicks: { increment: 1 } } : { conversions: { increment: 1 } },
    }),
  ]);
}
