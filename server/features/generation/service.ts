/** Drafts use cases behind the routes, the API and the CLI. */
import { AppError } from "@/lib/errors";
import { CreateDraftBody, DraftListQuery, type DraftPage } from "@/lib/schemas/drafts";
import type { JobOut } from "@/lib/schemas/knowledge";
import type { Db } from "@/server/db/client";
import { findJob, insertJob } from "@/server/jobs/repository";
import { JobError, type JobControl, type JobRow } from "@/server/jobs/types";
import { toJobOut } from "@/server/features/rag/service";
import type { WorkspaceCtx } from "@/server/context";
import { requireRole } from "@/server/auth/authorize";
import { preflightDraft, runPipeline, type PipelineDeps } from "./pipeline";
import { getDraft, listDrafts } from "./repository";
import type { PipelineStep } from "@/lib/schemas/drafts";

export async function createDraft(
  deps: PipelineDeps,
  ctx: WorkspaceCtx,
  raw: unknown,
  onStep?: (s: PipelineStep) => void,
) {
  requireRole(ctx, "marketer", "create drafts");
  return runPipeline(deps, ctx, raw, onStep);
}

export function draftPage(ctx: WorkspaceCtx, raw: unknown): Promise<DraftPage> {
  const q = DraftListQuery.parse(raw);
  return listDrafts(ctx.db, ctx.workspaceId, q);
}

export function draftDetail(ctx: WorkspaceCtx, id: string) {
  return getDraft(ctx.db, ctx.workspaceId, id);
}

/** The checks a draft request must pass before anything runs (role, campaign, segment, slug). */
export async function checkDraftRequest(ctx: WorkspaceCtx, raw: unknown): Promise<void> {
  requireRole(ctx, "marketer", "create drafts");
  await preflightDraft(ctx, raw);
}

export const DRAFT_JOB = "generation.draft";

type DraftJobPayload = { label: string; body: unknown; actor: WorkspaceCtx["actor"]; role: WorkspaceCtx["role"] };

/** The same pipeline as a durable job (API v1 `POST /drafts/jobs`): poll `GET /jobs/{id}` for the draft id. */
export async function queueDraft(
  deps: PipelineDeps & { kick: () => void },
  ctx: WorkspaceCtx,
  raw: unknown,
): Promise<JobOut> {
  await checkDraftRequest(ctx, raw);
  const body = CreateDraftBody.parse(raw);
  const payload: DraftJobPayload = {
    label: `${body.format}: ${body.brief.slice(0, 60)}`,
    body,
    actor: ctx.actor,
    role: ctx.role,
  };
  const job = await insertJob(ctx.db, {
    workspaceId: ctx.workspaceId,
    kind: DRAFT_JOB,
    payload,
    createdById: ctx.actor.type === "user" ? ctx.actor.id : null,
    total: 9,
    maxAttempts: 3,
  });
  deps.kick();
  return getAnyJob(ctx, job.id);
}

export async function runDraftJob(deps: PipelineDeps, job: JobRow, ctl: JobControl, db: Db): Promise<unknown> {
  const p = job.payload as DraftJobPayload;
  const ctx: WorkspaceCtx = {
    db,
    actor: p.actor,
    workspaceId: job.workspaceId,
    role: p.role,
    requestId: `job:${job.id}`,
  };
  let steps = 0;
  try {
    const draft = await runPipeline(deps, ctx, p.body, (s) => {
      void ctl.progress(++steps, 9, s.name).catch(() => {});
    });
    return { draftId: draft.id, status: draft.status, verdict: draft.verdict };
  } catch (e) {
    // The request's own problem will not get better by retrying.
    if (e instanceof AppError && ["validation", "conflict", "bad_request", "forbidden"].includes(e.kind))
      throw new JobError(e.code, e.message);
    throw e;
  }
}

/** Any job of the workspace (knowledge ingests, drafts, batches), for polling. */
export async function getAnyJob(ctx: WorkspaceCtx, id: string): Promise<JobOut> {
  const j = await findJob(ctx.db, ctx.workspaceId, id);
  if (!j) throw new AppError("not_found:job", "No such job in this workspace.");
  return toJobOut(j);
}
