/**
 * Eval runs: a golden set against one prompt version (pinned when the run is created, whatever
 * the labels do meanwhile) and a model route. A run is a durable job: each case composes a draft
 * with the full pipeline (nothing is saved as a draft), evaluates the case's expectations and
 * stores the result at once, so a crashed or retried job resumes where it stopped. A case that
 * cannot be composed (a model timeout, a refused call) is recorded as an error and the run goes on.
 */
import { z } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { DraftContent } from "@/lib/schemas/drafts";
import { CaseResult, type GoldenCase } from "@/lib/schemas/evals";
import {
  RouteChoice,
  StartRunBody,
  type CaseResultOut,
  type EvalRunDetail,
  type EvalRunList,
  type RunSummary,
} from "@/lib/schemas/golden-sets";
import type { Tx, WorkspaceCtx } from "@/server/context";
import type { Db } from "@/server/db/client";
import { requireRole } from "@/server/auth/authorize";
import { audit } from "@/server/features/audit/service";
import { composeDraft, type PipelineDeps } from "@/server/features/generation/pipeline";
import { resolvePrompt, resolvePromptVersion } from "@/server/inference/prompts/service";
import { insertJob } from "@/server/jobs/repository";
import { JobError, type JobControl, type JobRow } from "@/server/jobs/types";
import { evaluateCase, type Judge } from "./assertions";
import { parseExpectations, runFacts, toRunSummary } from "./dto";
import { setNotFound } from "./sets";
import * as repo from "./repository";

export const EVAL_JOB = "evals.run";

/** What a run needs beyond the pipeline: whether a real judge model is configured. */
export type EvalDeps = PipelineDeps & {
  /** Whether the judge route has a real model (the offline engine is not a judge). */
  canJudge?: (workspaceId: string) => Promise<boolean>;
  /** Per-case time limit (default 120 s): a case that takes longer is recorded as an error. */
  caseTimeoutMs?: number;
};

type JobPayload = { runId: string; actor: WorkspaceCtx["actor"]; role: WorkspaceCtx["role"] };

const userId = (ctx: WorkspaceCtx) => (ctx.actor.type === "user" ? ctx.actor.id : null);

export function runNotFound(): AppError {
  return new AppError("not_found:eval_run", "No such eval run in this workspace.");
}

export async function findSetByName(ctx: WorkspaceCtx, name: string) {
  const s = await repo.findSetByName(ctx.db, ctx.workspaceId, name);
  if (!s) throw new AppError("not_found:golden_set", `No golden set named “${name}” in this workspace.`);
  return { id: s.id, name: s.name, passThreshold: s.passThreshold };
}

/** The id of version `n` of a prompt (the CLI's `--prompt-version`). */
export async function promptVersionIdByNumber(ctx: WorkspaceCtx, key: string, n: number): Promise<string> {
  const v = await repo.findPromptVersionByNumber(ctx.db, ctx.workspaceId, key, n);
  if (!v) throw new AppError("not_found:prompt_version", `${key} has no version ${n} in this workspace.`);
  return v.id;
}

/**
 * Creates a run (queued) for every case the set has now. With `enqueue` (the default) a job runs
 * it in the background; the CLI passes `enqueue: false` and calls `executeRun` itself.
 */
export async function createRun(
  ctx: WorkspaceCtx,
  raw: unknown,
  opts: { enqueue?: boolean; kick?: () => void } = {},
): Promise<RunSummary> {
  requireRole(ctx, "editor", "run evals");
  const body = StartRunBody.parse(raw);
  const set = await repo.findSet(ctx.db, ctx.workspaceId, body.setId);
  if (!set) throw setNotFound();
  if (set._count.cases === 0)
    throw new AppError(
      "validation:empty_set",
      `The golden set “${set.name}” has no cases yet. Add a case, or promote a rejected draft from its review page, then run it.`,
    );
  const prompt = body.promptVersionId
    ? await resolvePromptVersion(ctx.db, ctx.workspaceId, set.promptKey, body.promptVersionId)
    : await resolvePrompt(ctx.db, ctx.workspaceId, set.promptKey, body.promptLabel ?? "production");
  const enqueue = opts.enqueue ?? true;
  const run = await ctx.db.$transaction(async (tx) => {
    const r = await repo.insertRun(tx, {
      workspaceId: ctx.workspaceId,
      setId: set.id,
      promptKey: set.promptKey,
      promptVersionId: prompt.id,
      promptVersion: prompt.version,
      promptLabel: body.promptVersionId ? null : (body.promptLabel ?? "production"),
      route: body.route ?? undefined,
      casesTotal: set._count.cases,
      createdById: userId(ctx),
    });
    if (enqueue) {
      const payload: JobPayload = { runId: r.id, actor: ctx.actor, role: ctx.role };
      const job = await insertJob(tx, {
        workspaceId: ctx.workspaceId,
        kind: EVAL_JOB,
        payload,
        createdById: userId(ctx),
        total: set._count.cases,
        stage: "Queued",
        maxAttempts: 3,
      });
      await repo.setRunJob(tx, r.id, job.id);
    }
    await audit(tx, ctx, {
      action: "eval_run.started",
      entityType: "eval_run",
      entityId: r.id,
      after: {
        set: set.name,
        prompt: `${set.promptKey} v${prompt.version}`,
        route: body.route ? `${body.route.provider}/${body.route.model}` : null,
        cases: set._count.cases,
      },
    });
    return r;
  });
  if (enqueue) opts.kick?.();
  return toRunSummary(run, set.passThreshold, ctx.actor.label, null);
}

function withTimeout<T>(p: (signal: AbortSignal) => Promise<T>, ms: number, outer?: AbortSignal): Promise<T> {
  const ac = new AbortController();
  const onAbort = () => ac.abort(outer?.reason);
  outer?.addEventListener("abort", onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      ac.abort();
      reject(new AppError("unavailable:timeout", `No draft within ${Math.round(ms / 1000)} s: the model timed out.`));
    }, ms);
  });
  return Promise.race([p(ac.signal), timeout]).finally(() => {
    clearTimeout(timer);
    outer?.removeEventListener("abort", onAbort);
  });
}

function judgeFor(deps: EvalDeps, ctx: WorkspaceCtx, signal: AbortSignal): Judge {
  return async ({ rubric, fields }) => {
    const r = await deps.gateway.generate({
      ctx: { workspaceId: ctx.workspaceId, userId: userId(ctx), requestId: ctx.requestId },
      role: "judge",
      prompt: {
        key: "judge.rubric",
        variables: {
          draft: fields.map((f) => `${f.path}: ${f.text}`).join("\n"),
          rubric: `${rubric}\nAnswer with {"score": a number from 0 to 1, "rationale": one sentence}.`,
        },
      },
      schema: z.object({ score: z.number().min(0).max(1), rationale: z.string().max(2000) }),
      signal,
    });
    return r.output;
  };
}

type Case = { id: string; name: string; brief: string; format: GoldenCase["format"]; expectations: unknown };

/** One case: compose, evaluate, and the numbers; never throws for the case's own failure. */
async function runCase(
  deps: EvalDeps,
  ctx: WorkspaceCtx,
  run: { route: unknown; promptVersionId: string },
  c: Case,
  judge: Judge | undefined,
  signal: AbortSignal | undefined,
): Promise<Omit<CaseResultOut, "caseId" | "caseName">> {
  const started = performance.now();
  const route = RouteChoice.safeParse(run.route);
  try {
    const composed = await withTimeout(
      (s) =>
        composeDraft(deps, ctx, { format: c.format, brief: c.brief }, undefined, {
          prompt: { versionId: run.promptVersionId },
          ...(route.success ? { route: route.data } : {}),
          signal: s,
        }),
      deps.caseTimeoutMs ?? 120_000,
      signal,
    );
    const result = await evaluateCase(
      { format: c.format, expectations: parseExpectations(c.expectations) },
      { content: composed.content, record: composed.record },
      judge ? { judge } : {},
    );
    return {
      status: result.status,
      result,
      content: composed.content,
      error: null,
      costMicros: composed.record.costMicros,
      latencyMs: Math.round(performance.now() - started),
    };
  } catch (e) {
    if (signal?.aborted) throw e;
    return {
      status: "error",
      result: null,
      content: null,
      error: isAppError(e) || e instanceof Error ? e.message : String(e),
      costMicros: 0,
      latencyMs: Math.round(performance.now() - started),
    };
  }
}

function toCaseResultOut(r: {
  caseId: string;
  caseName: string;
  status: string;
  result: unknown;
  content: unknown;
  error: string | null;
  costMicros: number;
  latencyMs: number;
}): CaseResultOut {
  return {
    caseId: r.caseId,
    caseName: r.caseName,
    status: r.status as CaseResultOut["status"],
    result: r.result === null ? null : CaseResult.parse(r.result),
    content: r.content === null ? null : DraftContent.parse(r.content),
    error: r.error,
    costMicros: r.costMicros,
    latencyMs: r.latencyMs,
  };
}

/** Counters from the stored results (a resumed run counts what the previous attempt finished too). */
async function tally(tx: Tx, runId: string) {
  const rows = await repo.listResults(tx, runId);
  const n = (s: string) => rows.filter((r) => r.status === s).length;
  return {
    casesDone: rows.length,
    passed: n("pass"),
    failed: n("fail"),
    errored: n("error"),
    costMicros: rows.reduce((a, r) => a + r.costMicros, 0),
    latencyMs: rows.reduce((a, r) => a + r.latencyMs, 0),
  };
}

/**
 * Runs (or resumes) a run: the cases of its set that have no result yet, one at a time. The
 * set's cases are read now; the run's total is fixed to what they are.
 */
export async function executeRun(
  deps: EvalDeps,
  db: Db,
  runId: string,
  opts: {
    signal?: AbortSignal;
    onCase?: (r: CaseResultOut, done: number, total: number) => void;
    actor?: WorkspaceCtx["actor"];
    role?: WorkspaceCtx["role"];
  } = {},
): Promise<EvalRunDetail> {
  const run = await repo.findRunById(db, runId);
  if (!run) throw runNotFound();
  if (run.status === "succeeded" || run.status === "cancelled") return getRunDetail(db, run.workspaceId, runId);
  const ctx: WorkspaceCtx = {
    db,
    actor: opts.actor ?? { type: "system", label: "eval run" },
    workspaceId: run.workspaceId,
    role: opts.role ?? "editor",
    requestId: `eval:${runId}`,
  };
  const cases = await repo.listCases(db, run.setId);
  const done = new Set((await repo.listResults(db, runId)).map((r) => r.caseId));
  await repo.updateRun(db, runId, {
    status: "running",
    startedAt: run.startedAt ?? new Date(),
    casesTotal: cases.length + [...done].filter((id) => !cases.some((c) => c.id === id)).length,
  });
  const total = cases.length;
  const judge =
    deps.canJudge && (await deps.canJudge(run.workspaceId))
      ? judgeFor(deps, ctx, opts.signal ?? new AbortController().signal)
      : undefined;

  for (const c of cases) {
    if (done.has(c.id)) continue;
    // Composing with the offline engine on SQLite is CPU work between promise hops that never
    // wait for I/O; let the server answer requests between cases.
    await new Promise((resolve) => setImmediate(resolve));
    opts.signal?.throwIfAborted();
    const r = await runCase(deps, ctx, run, { ...c, format: c.format as Case["format"] }, judge, opts.signal);
    await repo.insertResult(db, {
      runId,
      caseId: c.id,
      caseName: c.name,
      status: r.status,
      result: (r.result ?? undefined) as never,
      content: (r.content ?? undefined) as never,
      error: r.error,
      costMicros: r.costMicros,
      latencyMs: r.latencyMs,
    });
    done.add(c.id);
    const t = await tally(db, runId);
    await repo.updateRun(db, runId, t);
    opts.onCase?.(toCaseResultOut({ caseId: c.id, caseName: c.name, ...r }), t.casesDone, total);
  }

  const t = await tally(db, runId);
  await repo.updateRun(db, runId, {
    ...t,
    casesTotal: t.casesDone,
    status: "succeeded",
    passRate: t.casesDone ? t.passed / t.casesDone : 0,
    finishedAt: new Date(),
  });
  return getRunDetail(db, run.workspaceId, runId);
}

/** Ends a run that will not continue (the CLI interrupted): the cases done so far stay. */
export async function cancelRun(db: Db, runId: string, reason: string): Promise<void> {
  const t = await tally(db, runId);
  await repo.updateRun(db, runId, { ...t, status: "cancelled", error: reason, finishedAt: new Date() });
}

/** The job handler: progress per case; a run that cannot go on is marked failed with the reason. */
export async function runEvalJob(deps: EvalDeps, job: JobRow, ctl: JobControl, db: Db): Promise<unknown> {
  const p = job.payload as JobPayload;
  try {
    const r = await executeRun(deps, db, p.runId, {
      signal: ctl.signal,
      actor: p.actor,
      role: p.role,
      onCase: (c, done, total) => {
        void ctl.progress(done, total, `${done} of ${total} cases`).catch(() => {});
      },
    });
    return { runId: r.id, passRate: r.passRate, passed: r.passed, total: r.casesTotal };
  } catch (e) {
    if (ctl.signal.aborted) throw e;
    const last = job.attempts >= job.maxAttempts || (isAppError(e) && e.kind !== "unavailable");
    if (last)
      await repo
        .updateRun(db, p.runId, {
          status: "failed",
          error: isAppError(e) ? e.message : "The run stopped on an unexpected error; see the server log.",
          finishedAt: new Date(),
        })
        .catch(() => {});
    if (isAppError(e) && e.kind !== "unavailable") throw new JobError(e.code, e.message);
    throw e;
  }
}

export async function getRunDetail(tx: Tx, workspaceId: string, id: string): Promise<EvalRunDetail> {
  const run = await repo.findRun(tx, workspaceId, id);
  if (!run) throw runNotFound();
  const [summarize, results] = await Promise.all([runFacts(tx, [run]), repo.listResults(tx, id)]);
  return {
    ...summarize(run, run.set.passThreshold),
    setId: run.setId,
    setName: run.set.name,
    passThreshold: run.set.passThreshold,
    results: results.map(toCaseResultOut),
  };
}

export async function getRun(ctx: WorkspaceCtx, id: string): Promise<EvalRunDetail> {
  requireRole(ctx, "editor", "see eval runs");
  return getRunDetail(ctx.db, ctx.workspaceId, id);
}

export const RunListQuery = z.object({
  setId: z.string().min(1).max(64).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

function decodeCursor(c: string): { createdAt: Date; id: string } {
  const [t, id] = Buffer.from(c, "base64url").toString("utf8").split("|");
  const at = new Date(Number(t));
  if (!id || Number.isNaN(at.getTime()))
    throw new AppError("validation:cursor", "This page link is no longer valid; start from the first page.");
  return { createdAt: at, id };
}

export async function listRuns(ctx: WorkspaceCtx, raw: unknown): Promise<EvalRunList> {
  requireRole(ctx, "editor", "see eval runs");
  const q = RunListQuery.parse(raw);
  const rows = await repo.listRuns(ctx.db, ctx.workspaceId, {
    setId: q.setId,
    before: q.cursor ? decodeCursor(q.cursor) : undefined,
    take: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const thresholds = new Map(
    (await repo.setThresholds(ctx.db, [...new Set(page.map((r) => r.setId))])).map((s) => [s.id, s.passThreshold]),
  );
  const summarize = await runFacts(ctx.db, page);
  const last = page.at(-1);
  return {
    items: page.map((r) => summarize(r, thresholds.get(r.setId) ?? 1)),
    nextCursor:
      rows.length > q.limit && last
        ? Buffer.from(`${last.createdAt.getTime()}|${last.id}`, "utf8").toString("base64url")
        : null,
  };
}
