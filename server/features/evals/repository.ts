/** The evals feature's only database access: golden sets, cases, runs and case results. */
import type { Tx } from "@/server/context";
import type { Prisma } from "@/server/generated/sqlite/client";

// ---- sets ---------------------------------------------------------------------------------------

const runOrder = { createdAt: "desc" } as const;

export function listSets(tx: Tx, workspaceId: string) {
  return tx.goldenSet.findMany({
    where: { workspaceId },
    orderBy: { name: "asc" },
    include: { _count: { select: { cases: true } }, runs: { orderBy: runOrder, take: 1 } },
  });
}

export function findSet(tx: Tx, workspaceId: string, id: string) {
  return tx.goldenSet.findFirst({
    where: { id, workspaceId },
    include: { _count: { select: { cases: true } }, runs: { orderBy: runOrder, take: 1 } },
  });
}

export function findSetByName(tx: Tx, workspaceId: string, name: string) {
  return tx.goldenSet.findUnique({ where: { workspaceId_name: { workspaceId, name } } });
}

export function insertSet(tx: Tx, data: Prisma.GoldenSetUncheckedCreateInput) {
  return tx.goldenSet.create({ data, select: { id: true } });
}

/** Applies the change only when the set is still at `version`; false when someone saved first. */
export async function updateSetIfVersion(
  tx: Tx,
  workspaceId: string,
  id: string,
  version: number,
  data: Prisma.GoldenSetUpdateManyMutationInput,
): Promise<boolean> {
  const r = await tx.goldenSet.updateMany({
    where: { id, workspaceId, version },
    data: { ...data, version: { increment: 1 } },
  });
  return r.count === 1;
}

export async function deleteSet(tx: Tx, workspaceId: string, id: string): Promise<boolean> {
  return (await tx.goldenSet.deleteMany({ where: { id, workspaceId } })).count === 1;
}

// ---- cases --------------------------------------------------------------------------------------

export function listCases(tx: Tx, setId: string) {
  return tx.goldenCase.findMany({ where: { setId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

export function findCase(tx: Tx, workspaceId: string, id: string) {
  return tx.goldenCase.findFirst({ where: { id, workspaceId } });
}

export function insertCase(tx: Tx, data: Prisma.GoldenCaseUncheckedCreateInput) {
  return tx.goldenCase.create({ data });
}

export async function updateCaseIfVersion(
  tx: Tx,
  workspaceId: string,
  id: string,
  version: number,
  data: Prisma.GoldenCaseUpdateManyMutationInput,
): Promise<boolean> {
  const r = await tx.goldenCase.updateMany({
    where: { id, workspaceId, version },
    data: { ...data, version: { increment: 1 } },
  });
  return r.count === 1;
}

export async function deleteCase(tx: Tx, workspaceId: string, id: string): Promise<boolean> {
  return (await tx.goldenCase.deleteMany({ where: { id, workspaceId } })).count === 1;
}

// ---- promotion ----------------------------------------------------------------------------------

/** The newest rejection (or request for changes) recorded for a draft. */
export function latestCandidate(tx: Tx, workspaceId: string, draftId: string) {
  return tx.goldenCandidate.findFirst({ where: { workspaceId, draftId }, orderBy: { createdAt: "desc" } });
}

export function casesFromDraft(tx: Tx, workspaceId: string, draftId: string) {
  return tx.goldenCase.findMany({ where: { workspaceId, sourceDraftId: draftId }, select: { id: true } });
}

export function markPromoted(tx: Tx, candidateId: string, caseId: string, at: Date) {
  return tx.goldenCandidate.update({ where: { id: candidateId }, data: { promotedAt: at, caseId } });
}

// ---- runs ---------------------------------------------------------------------------------------

export function insertRun(tx: Tx, data: Prisma.EvalRunUncheckedCreateInput) {
  return tx.evalRun.create({ data });
}

export function setRunJob(tx: Tx, id: string, jobId: string) {
  return tx.evalRun.update({ where: { id }, data: { jobId } });
}

export function findRun(tx: Tx, workspaceId: string, id: string) {
  return tx.evalRun.findFirst({ where: { id, workspaceId }, include: { set: true } });
}

export function findRunById(tx: Tx, id: string) {
  return tx.evalRun.findUnique({ where: { id }, include: { set: true } });
}

/** Newest first, keyset-paged on (createdAt, id). */
export function listRuns(
  tx: Tx,
  workspaceId: string,
  opts: { setId?: string; before?: { createdAt: Date; id: string }; take: number },
) {
  return tx.evalRun.findMany({
    where: {
      workspaceId,
      ...(opts.setId ? { setId: opts.setId } : {}),
      ...(opts.before
        ? {
            OR: [
              { createdAt: { lt: opts.before.createdAt } },
              { createdAt: opts.before.createdAt, id: { lt: opts.before.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.take,
  });
}

export function updateRun(tx: Tx, id: string, data: Prisma.EvalRunUpdateInput) {
  return tx.evalRun.update({ where: { id }, data });
}

export function listResults(tx: Tx, runId: string) {
  return tx.evalCaseResult.findMany({ where: { runId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

export function resultLatencies(tx: Tx, runIds: string[]) {
  return tx.evalCaseResult.findMany({ where: { runId: { in: runIds } }, select: { runId: true, latencyMs: true } });
}

/** Idempotent: a retried job that already recorded this case keeps the first result. */
export async function insertResult(tx: Tx, data: Prisma.EvalCaseResultUncheckedCreateInput): Promise<boolean> {
  try {
    await tx.evalCaseResult.create({ data });
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") return false;
    throw e;
  }
}

/** The newest succeeded run of a version on a set (or on any set of the workspace when `setId` is omitted). */
export function latestSucceededRun(tx: Tx, workspaceId: string, promptVersionId: string, setId?: string) {
  return tx.evalRun.findFirst({
    where: { workspaceId, promptVersionId, status: "succeeded", ...(setId ? { setId } : {}) },
    orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
    include: { set: true },
  });
}

export function userNames(tx: Tx, ids: string[]) {
  return tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } });
}

export function findDraftTitle(tx: Tx, workspaceId: string, id: string) {
  return tx.draft.findFirst({ where: { id, workspaceId }, select: { id: true, title: true, status: true } });
}

export function setThresholds(tx: Tx, ids: string[]) {
  return tx.goldenSet.findMany({ where: { id: { in: ids } }, select: { id: true, passThreshold: true } });
}

export function findPromptVersionByNumber(tx: Tx, workspaceId: string, key: string, version: number) {
  return tx.promptVersion.findUnique({
    where: { workspaceId_key_version: { workspaceId, key, version } },
    select: { id: true, version: true },
  });
}

export function findProductionVersion(tx: Tx, workspaceId: string, key: string) {
  return tx.promptLabel.findUnique({
    where: { workspaceId_key_label: { workspaceId, key, label: "production" } },
    select: { version: { select: { id: true, version: true } } },
  });
}

export function findPromptVersion(tx: Tx, workspaceId: string, id: string) {
  return tx.promptVersion.findFirst({ where: { id, workspaceId }, select: { id: true, key: true, version: true } });
}
