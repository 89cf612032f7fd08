/**
 * Experiments: A/B(/n) tests over alternative texts of an approved draft field, with traffic
 * split by Thompson sampling (./bandit.ts). Editors and admins create and stop them; everyone
 * in the workspace reads them; the post-backs (assign, outcomes) come through API v1.
 */
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { DraftContent } from "@/lib/schemas/drafts";
import {
  AssignBody,
  CreateExperimentBody,
  EXPERIMENT_DRAFT_STATUSES,
  FIELD_BY_FORMAT,
  OutcomeBody,
  StopExperimentBody,
  armKey,
  suggestedArms,
  type AssignResult,
  type ExperimentField,
  type ExperimentList,
  type ExperimentMetric,
  type ExperimentOut,
  type OutcomeResult,
} from "@/lib/schemas/experiments";
import type { WorkspaceCtx } from "@/server/context";
import { requireRole } from "@/server/auth/authorize";
import { audit } from "@/server/features/audit/service";
import { validationError } from "@/server/http/errors";
import { chooseArm, inGuardrail, probabilityBest, seedFrom, seededRng, trafficShares, type Rng } from "./bandit";
import * as repo from "./repository";

/** Injectable randomness (tests pass a seeded RNG). */
export type ExperimentDeps = { rng: Rng };
const defaultDeps: ExperimentDeps = { rng: Math.random };

/** Monte Carlo draws behind P(best) in reads. */
const P_BEST_DRAWS = 2000;

const isUnique = (e: unknown) => (e as { code?: string }).code === "P2002";

function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw validationError("body", r.error);
  return r.data;
}

function notFound(): AppError {
  return new AppError("not_found:experiment", "No such experiment in this workspace. It may have been deleted.");
}

function stopped(): AppError {
  return new AppError(
    "conflict:experiment_stopped",
    "This experiment is stopped: it no longer assigns arms or counts outcomes. Start a new one to keep testing.",
  );
}

async function load(ctx: WorkspaceCtx, id: string) {
  const e = await repo.findExperiment(ctx.db, ctx.workspaceId, id);
  if (!e) throw notFound();
  return e;
}

const successesOf = (a: { clicks: number; conversions: number }, metric: string) =>
  metric === "conversion" ? a.conversions : a.clicks;

export function toExperimentOut(e: repo.ExperimentRow): ExperimentOut {
  const stats = e.arms.map((a) => ({ key: a.key, impressions: a.impressions, successes: successesOf(a, e.metric) }));
  const policy = { minSamples: e.minSamples, floor: e.floor };
  // Seeded by the experiment and its counts, so a page refresh without new data shows the same numbers.
  const seed = seedFrom(`${e.id}:${stats.map((s) => `${s.impressions}/${s.successes}`).join(",")}`);
  const pBest = probabilityBest(stats, seededRng(seed), P_BEST_DRAWS);
  const running = e.status === "running";
  const shares = running ? trafficShares(stats, policy, pBest) : {};
  return {
    id: e.id,
    name: e.name,
    draft: e.draft,
    field: e.field as ExperimentField,
    metric: e.metric as ExperimentMetric,
    status: running ? "running" : "stopped",
    phase: !running ? "stopped" : inGuardrail(stats, e.minSamples) ? "guardrail" : "bandit",
    minSamples: e.minSamples,
    floor: e.floor,
    version: e.version,
    arms: e.arms.map((a) => ({
      key: a.key,
      label: a.label,
      text: a.text,
      impressions: a.impressions,
      clicks: a.clicks,
      conversions: a.conversions,
      rate: a.impressions > 0 ? successesOf(a, e.metric) / a.impressions : null,
      probabilityBest: pBest[a.key] ?? 0,
      trafficShare: shares[a.key] ?? 0,
    })),
    createdAt: e.createdAt.toISOString(),
    stoppedAt: e.stoppedAt?.toISOString() ?? null,
  };
}

export async function listExperiments(ctx: WorkspaceCtx): Promise<ExperimentList> {
  requireRole(ctx, "marketer", "see experiments");
  return { items: (await repo.listExperiments(ctx.db, ctx.workspaceId)).map(toExperimentOut) };
}

export async function getExperiment(ctx: WorkspaceCtx, id: string): Promise<ExperimentOut> {
  requireRole(ctx, "marketer", "see experiments");
  return toExperimentOut(await load(ctx, id));
}

function invalid(path: (string | number)[], message: string): AppError {
  return new AppError("validation", message, {
    details: { where: "body", issues: [{ path: path.join("."), message }] },
  });
}

/**
 * Starts an experiment on an approved or published email, Meta ad or Google RSA draft. Without
 * `arms` the draft's own texts are the arms (Meta variants, RSA headlines); an email has one
 * subject, so alternatives must be sent.
 */
export async function createExperiment(ctx: WorkspaceCtx, raw: unknown): Promise<ExperimentOut> {
  requireRole(ctx, "editor", "start experiments");
  const body = parse(CreateExperimentBody, raw);
  const draft = await repo.findDraft(ctx.db, ctx.workspaceId, body.draftId);
  if (!draft) throw new AppError("not_found:draft", "No such draft in this workspace. It may have been deleted.");
  if (!(EXPERIMENT_DRAFT_STATUSES as readonly string[]).includes(draft.status))
    throw new AppError(
      "conflict:draft_not_approved",
      `Only approved or published drafts can be tested; “${draft.title}” is ${draft.status.replace("_", " ")}.`,
    );
  const field = FIELD_BY_FORMAT[draft.format as keyof typeof FIELD_BY_FORMAT];
  if (!field)
    throw invalid(
      ["draftId"],
      "Experiments test email subjects, Meta ad variants and Google RSA headlines, not SEO pages.",
    );

  const suggested = suggestedArms(DraftContent.parse(draft.content));
  const arms = (body.arms ?? suggested).map((a, i) => ({
    key: armKey(i),
    label: a.label?.trim() || (i === 0 ? "Original" : `Alternative ${i}`),
    text: a.text.trim(),
  }));
  if (arms.length < 2)
    throw invalid(
      ["arms"],
      field === "subject"
        ? "An email has one subject: add at least one alternative subject to test against it."
        : "The draft has fewer than two texts to test: add alternatives.",
    );
  if (new Set(arms.map((a) => a.text.toLowerCase())).size < arms.length)
    throw invalid(["arms"], "Two arms have the same text; every arm must differ.");
  if (body.floor * arms.length > 1)
    throw invalid(["floor"], `With ${arms.length} arms the floor can be at most ${(1 / arms.length).toFixed(3)}.`);

  const id = await ctx.db.$transaction(async (tx) => {
    const { id } = await repo.insertExperiment(
      tx,
      {
        workspaceId: ctx.workspaceId,
        draftId: draft.id,
        name: body.name,
        field,
        metric: body.metric,
        minSamples: body.minSamples,
        floor: body.floor,
        createdById: ctx.actor.type === "user" ? ctx.actor.id : null,
      },
      arms,
    );
    await audit(tx, ctx, {
      action: "experiment.created",
      entityType: "experiment",
      entityId: id,
      after: {
        name: body.name,
        draftId: draft.id,
        field,
        metric: body.metric,
        minSamples: body.minSamples,
        floor: body.floor,
        arms: arms.map((a) => ({ key: a.key, text: a.text })),
      },
    });
    return id;
  });
  return getExperiment(ctx, id);
}

export async function stopExperiment(ctx: WorkspaceCtx, id: string, raw: unknown): Promise<ExperimentOut> {
  requireRole(ctx, "editor", "stop experiments");
  const { version } = parse(StopExperimentBody, raw);
  const before = await load(ctx, id);
  if (before.status !== "running") throw stopped();
  await ctx.db.$transaction(async (tx) => {
    if (!(await repo.stopIfVersion(tx, ctx.workspaceId, id, version, new Date())))
      throw new AppError(
        "conflict:stale_version",
        "Someone changed or stopped this experiment since you loaded it. Reload and try again.",
      );
    await audit(tx, ctx, {
      action: "experiment.stopped",
      entityType: "experiment",
      entityId: id,
      before: { status: "running" },
      after: {
        status: "stopped",
        arms: before.arms.map((a) => ({
          key: a.key,
          impressions: a.impressions,
          clicks: a.clicks,
          conversions: a.conversions,
        })),
      },
    });
  });
  return getExperiment(ctx, id);
}

/**
 * The arm for a unit (visitor, recipient). Sticky: a unit keeps its first arm. The impression
 * is counted on first assignment, on the assumption that the caller shows the text it asked
 * for; a repeat call for the same unit counts nothing.
 */
export async function assignArm(
  ctx: WorkspaceCtx,
  id: string,
  raw: unknown,
  deps: ExperimentDeps = defaultDeps,
): Promise<AssignResult> {
  requireRole(ctx, "marketer", "assign experiment arms");
  const { unitId } = parse(AssignBody, raw);
  const e = await load(ctx, id);
  const answer = (key: string, firstAssignment: boolean): AssignResult => {
    const arm = e.arms.find((a) => a.key === key)!;
    return {
      experimentId: e.id,
      unitId,
      field: e.field as ExperimentField,
      arm: { key: arm.key, label: arm.label, text: arm.text },
      firstAssignment,
    };
  };
  const existing = await repo.findAssignment(ctx.db, e.id, unitId);
  if (existing) return answer(existing.armKey, false);
  if (e.status !== "running") throw stopped();

  const stats = e.arms.map((a) => ({ key: a.key, impressions: a.impressions, successes: successesOf(a, e.metric) }));
  const { key } = chooseArm(stats, { minSamples: e.minSamples, floor: e.floor }, deps.rng);
  try {
    await repo.insertAssignment(ctx.db, e.id, unitId, key);
    return answer(key, true);
  } catch (err) {
    // A concurrent call assigned this unit first: theirs stands, and only theirs counted.
    if (!isUnique(err)) throw err;
    const won = await repo.findAssignment(ctx.db, e.id, unitId);
    if (!won) throw err;
    return answer(won.armKey, false);
  }
}

/**
 * Counts a click or conversion for an arm. Idempotent on `eventId`: a retried post-back is
 * answered `counted: false`; the same id with a different arm or kind is a 409.
 */
export async function recordOutcome(ctx: WorkspaceCtx, id: string, raw: unknown): Promise<OutcomeResult> {
  requireRole(ctx, "marketer", "record experiment outcomes");
  const body = parse(OutcomeBody, raw);
  const e = await load(ctx, id);
  const duplicate = async (): Promise<OutcomeResult | null> => {
    const prior = await repo.findOutcome(ctx.db, e.id, body.eventId);
    if (!prior) return null;
    if (prior.armKey !== body.arm || prior.kind !== body.kind)
      throw new AppError(
        "conflict:event_id",
        `Event “${body.eventId}” was already recorded as a ${prior.kind} on arm ${prior.armKey}; use a new eventId for a different event.`,
      );
    return { eventId: body.eventId, arm: body.arm, kind: body.kind, counted: false };
  };
  const seen = await duplicate();
  if (seen) return seen;
  if (e.status !== "running") throw stopped();
  if (!e.arms.some((a) => a.key === body.arm))
    throw invalid(
      ["arm"],
      `This experiment has no arm “${body.arm}”; its arms are ${e.arms.map((a) => a.key).join(", ")}.`,
    );
  try {
    await repo.insertOutcome(ctx.db, e.id, body.eventId, body.arm, body.kind);
  } catch (err) {
    if (!isUnique(err)) throw err;
    const raced = await duplicate();
    if (!raced) throw err;
    return raced;
  }
  return { eventId: body.eventId, arm: body.arm, kind: body.kind, counted: true };
}
