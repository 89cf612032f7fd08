/** Drafts use cases behind the routes, the API and the CLI. */
import { DraftListQuery, type DraftPage } from "@/lib/schemas/drafts";
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
