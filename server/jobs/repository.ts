/**
 * The only database access of the job runner. Claims are optimistic and portable (SQLite and
 * PostgreSQL): a worker reads candidates, then flips one with an `updateMany` fenced on the
 * status and attempt count it read, so exactly one worker wins. `attempts` doubles as the
 * fencing token for every later write of that run.
 */
import type { Db } from "@/server/db/client";
import type { JobRow, JobStatus } from "./types";

export type EnqueueInput = {
  workspaceId: string;
  kind: string;
  payload: unknown;
  blob?: Uint8Array | null;
  createdById?: string | null;
  maxAttempts?: number;
  total?: number;
  stage?: string;
};

type Tx = Pick<Db, "job">;

export async function insertJob(tx: Tx, input: EnqueueInput): Promise<{ id: string }> {
  return tx.job.create({
    data: {
      workspaceId: input.workspaceId,
      kind: input.kind,
      payload: input.payload as object,
      blob: input.blob ? Buffer.from(input.blob) : null,
      createdById: input.createdById ?? null,
      maxAttempts: input.maxAttempts ?? 3,
      progressTotal: input.total ?? 0,
      stage: input.stage ?? "Queued",
    },
    select: { id: true },
  });
}

const rowSelect = {
  id: true,
  workspaceId: true,
  kind: true,
  status: true,
  payload: true,
  attempts: true,
  maxAttempts: true,
  createdById: true,
} as const;

/** Claims up to `limit` runnable jobs of the given kinds: queued and due, or running with an expired lease. */
export async function claimJobs(
  db: Db,
  opts: { kinds: string[]; workerId: string; leaseMs: number; limit: number; now: Date },
): Promise<JobRow[]> {
  const candidates = await db.job.findMany({
    where: {
      kind: { in: opts.kinds },
      OR: [
        { status: "queued", runAfter: { lte: opts.now } },
        { status: "running", leaseUntil: { lt: opts.now } },
      ],
    },
    orderBy: { runAfter: "asc" },
    take: opts.limit * 3,
    select: rowSelect,
  });
  const claimed: JobRow[] = [];
  for (const c of candidates) {
    if (claimed.length >= opts.limit) break;
    const r = await db.job.updateMany({
      where: { id: c.id, status: c.status, attempts: c.attempts },
      data: {
        status: "running",
        attempts: { increment: 1 },
        leaseUntil: new Date(opts.now.getTime() + opts.leaseMs),
        lockedBy: opts.workerId,
        startedAt: opts.now,
      },
    });
    if (r.count === 1) claimed.push({ ...c, status: "running", attempts: c.attempts + 1 } as JobRow);
  }
  return claimed;
}

/** The fence every write of one run goes through: this worker, this attempt, still running. */
function fence(job: JobRow, workerId: string) {
  return { id: job.id, attempts: job.attempts, lockedBy: workerId, status: "running" };
}

export async function renewLease(
  db: Db,
  job: JobRow,
  workerId: string,
  data: { leaseUntil: Date; progressDone?: number; progressTotal?: number; stage?: string },
): Promise<boolean> {
  const r = await db.job.updateMany({ where: fence(job, workerId), data });
  return r.count === 1;
}

export async function finishJob(
  db: Db,
  job: JobRow,
  workerId: string,
  outcome:
    | { status: "succeeded"; result: unknown }
    | { status: "failed"; errorCode: string; error: string }
    | { status: "queued"; runAfter: Date; errorCode: string; error: string },
  now: Date,
): Promise<boolean> {
  const data =
    outcome.status === "succeeded"
      ? {
          status: "succeeded",
          result: (outcome.result ?? null) as object,
          finishedAt: now,
          blob: null,
          leaseUntil: null,
        }
      : outcome.status === "failed"
        ? {
            status: "failed",
            errorCode: outcome.errorCode,
            error: outcome.error,
            finishedAt: now,
            blob: null,
            leaseUntil: null,
          }
        : {
            status: "queued",
            runAfter: outcome.runAfter,
            errorCode: outcome.errorCode,
            error: outcome.error,
            leaseUntil: null,
            lockedBy: null,
            stage: "Waiting to retry",
          };
  const r = await db.job.updateMany({ where: fence(job, workerId), data });
  return r.count === 1;
}

/** A job whose worker died too often: give up instead of claiming it forever. */
export async function failExhausted(db: Db, now: Date): Promise<number> {
  const stale = await db.job.findMany({
    where: { status: "running", leaseUntil: { lt: now } },
    select: { id: true, attempts: true, maxAttempts: true },
    take: 50,
  });
  let n = 0;
  for (const s of stale.filter((j) => j.attempts >= j.maxAttempts)) {
    const r = await db.job.updateMany({
      where: { id: s.id, status: "running", attempts: s.attempts },
      data: {
        status: "failed",
        errorCode: "worker_lost",
        error: `The worker running this job stopped ${s.attempts} times; giving up.`,
        finishedAt: now,
        blob: null,
        leaseUntil: null,
      },
    });
    n += r.count;
  }
  return n;
}

export async function loadBlob(db: Db, jobId: string): Promise<Uint8Array | null> {
  const row = await db.job.findUnique({ where: { id: jobId }, select: { blob: true } });
  return row?.blob ? new Uint8Array(row.blob) : null;
}

export const jobViewSelect = {
  id: true,
  workspaceId: true,
  kind: true,
  status: true,
  payload: true,
  progressDone: true,
  progressTotal: true,
  stage: true,
  result: true,
  errorCode: true,
  error: true,
  attempts: true,
  maxAttempts: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  createdById: true,
} as const;

export async function findJob(db: Db, workspaceId: string, id: string) {
  return db.job.findFirst({ where: { id, workspaceId }, select: jobViewSelect });
}

export async function listJobs(
  db: Db,
  workspaceId: string,
  opts: { kinds?: string[]; statuses?: JobStatus[]; take: number },
) {
  return db.job.findMany({
    where: {
      workspaceId,
      ...(opts.kinds ? { kind: { in: opts.kinds } } : {}),
      ...(opts.statuses ? { status: { in: opts.statuses } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: opts.take,
    select: jobViewSelect,
  });
}
