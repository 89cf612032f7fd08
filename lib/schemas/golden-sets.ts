import { z } from "zod";
import { DraftContent, DraftFormat } from "./drafts";
import { Assertion, CaseResult, GoldenCaseBody } from "./evals";
import { Id } from "./workspace";

/**
 * Golden sets, their cases and eval runs: the bodies the forms and routes share, and what the
 * routes return. Assertions and their results are in `./evals`. Routes (editors and admins):
 *
 *   GET    /api/evals/sets                          → GoldenSetList
 *   POST   /api/evals/sets                          GoldenSetBody → GoldenSetOut (201)
 *   GET    /api/evals/sets/:id                      → GoldenSetDetail (with cases)
 *   PATCH  /api/evals/sets/:id                      GoldenSetPatch → GoldenSetOut
 *   DELETE /api/evals/sets/:id                      → 204 (cases and runs go with it)
 *   POST   /api/evals/sets/:id/cases                GoldenCaseBody → GoldenCaseOut (201)
 *   PUT    /api/evals/cases/:id                     GoldenCaseUpdate → GoldenCaseOut
 *   DELETE /api/evals/cases/:id                     → 204
 *   GET    /api/evals/promote/:draftId              → PromotionPreview (suggested case from a rejection)
 *   POST   /api/evals/promote/:draftId              PromoteBody → GoldenCaseOut (201)
 *   GET    /api/evals/runs?setId=&cursor=           → EvalRunList
 *   POST   /api/evals/runs                          StartRunBody → RunSummary (202; a job runs it)
 *   GET    /api/evals/runs/:id                      → EvalRunDetail (with per-case results)
 *   GET    /api/evals/compare?base=:runId&head=:runId → RunComparison
 *   GET    /api/evals/gate/:key/:versionId          → GateVerdict (would moving production to it pass?)
 *
 * Moving a prompt's `production` label (`PUT /api/prompts/:key/labels/production`) consults the
 * gate and is refused with 409 `conflict:eval_gate` unless the body carries `override.reason`.
 */

export const SET_NAME_MAX = 80;

/** The prompts golden sets judge (the drafting prompt); moving their `production` label is gated. */
export const EVALUATED_PROMPT_KEYS = ["draft.channel"] as const;

const SetName = z.string().trim().min(1, "Name the set").max(SET_NAME_MAX, `At most ${SET_NAME_MAX} characters`);
const SetDescription = z.string().trim().max(500, "At most 500 characters");
/** A run passes when its pass rate is at least this. */
const PassThreshold = z.coerce
  .number({ message: "Enter a number between 0 and 1" })
  .min(0, "At least 0")
  .max(1, "At most 1 (100%)");

export const GoldenSetBody = z.object({
  name: SetName,
  description: SetDescription.default(""),
  passThreshold: PassThreshold.default(0.8),
});
export type GoldenSetBody = z.input<typeof GoldenSetBody>;

/** Only the fields sent change. */
export const GoldenSetPatch = z.object({
  name: SetName.optional(),
  description: SetDescription.optional(),
  passThreshold: PassThreshold.optional(),
  /** The version the editor saw (409 when someone saved in between). */
  version: z.number().int().min(1),
});
export type GoldenSetPatch = z.input<typeof GoldenSetPatch>;

export const GoldenCaseUpdate = GoldenCaseBody.and(z.object({ version: z.number().int().min(1) }));
export type GoldenCaseUpdate = z.input<typeof GoldenCaseUpdate>;

export const RunSummary = z.object({
  id: z.string(),
  status: z.enum(["queued", "running", "succeeded", "failed", "cancelled"]),
  promptKey: z.string(),
  promptVersion: z.number().int(),
  promptVersionId: z.string(),
  promptLabel: z.string().nullable(),
  /** "provider/model", or null for the workspace's draft route. */
  route: z.string().nullable(),
  casesTotal: z.number().int(),
  casesDone: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  errored: z.number().int(),
  passRate: z.number().nullable(),
  /** Whether the pass rate reached the set's threshold (null until the run ends). */
  passing: z.boolean().nullable(),
  costMicros: z.number().int(),
  latencyMs: z.number().int(),
  /** Median of the cases' latencies, ms (null before any case ended). */
  caseLatencyP50Ms: z.number().nullable(),
  error: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const GoldenSetOut = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  promptKey: z.string(),
  passThreshold: z.number(),
  version: z.number().int(),
  caseCount: z.number().int(),
  lastRun: RunSummary.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GoldenSetOut = z.infer<typeof GoldenSetOut>;
export const GoldenSetList = z.object({ items: z.array(GoldenSetOut) });
export type GoldenSetList = z.infer<typeof GoldenSetList>;

export const GoldenCaseOut = z.object({
  id: z.string(),
  setId: z.string(),
  name: z.string(),
  brief: z.string(),
  format: DraftFormat,
  expectations: z.array(Assertion),
  sourceDraftId: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GoldenCaseOut = z.infer<typeof GoldenCaseOut>;

export const GoldenSetDetail = GoldenSetOut.extend({ cases: z.array(GoldenCaseOut) });
export type GoldenSetDetail = z.infer<typeof GoldenSetDetail>;

/** What promoting a rejected draft would create; the UI shows it before (or instead of) editing. */
export const PromotionPreview = z.object({
  draftId: z.string(),
  decision: z.enum(["rejected", "changes_requested"]),
  reason: z.string(),
  name: z.string(),
  brief: z.string(),
  format: DraftFormat,
  expectations: z.array(Assertion),
  /** Cases already promoted from this draft (promoting again adds another). */
  promotedCaseIds: z.array(z.string()),
});
export type PromotionPreview = z.infer<typeof PromotionPreview>;

/** One click: the suggested case goes into `setId`, or into a set named "Regressions" (created when missing). */
export const PromoteBody = z.object({
  setId: Id.optional(),
  /** Overrides of the suggestion (an editor may trim it first). */
  name: z.string().trim().min(1).max(120).optional(),
  expectations: z.array(Assertion).min(1).max(50).optional(),
});
export type PromoteBody = z.input<typeof PromoteBody>;
export const DEFAULT_PROMOTION_SET = "Regressions";

export const RouteChoice = z.object({
  provider: z.string().trim().min(1).max(80),
  model: z.string().trim().min(1).max(200),
});
export type RouteChoice = z.infer<typeof RouteChoice>;

export const StartRunBody = z
  .object({
    setId: Id,
    /** Exactly one of a label (resolved now) or a version id. Neither = the production label. */
    promptLabel: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,39}$/, "Labels are lower-case letters, digits, - and _")
      .optional(),
    promptVersionId: Id.optional(),
    /** Force one model; omitted = the workspace's draft route (with its fallbacks). */
    route: RouteChoice.optional(),
  })
  .refine((b) => !(b.promptLabel && b.promptVersionId), {
    message: "Choose a prompt label or a version, not both",
    path: ["promptVersionId"],
  });
export type StartRunBody = z.input<typeof StartRunBody>;

export const EvalRunList = z.object({ items: z.array(RunSummary), nextCursor: z.string().nullable() });
export type EvalRunList = z.infer<typeof EvalRunList>;

export const CaseResultOut = z.object({
  caseId: z.string(),
  caseName: z.string(),
  status: z.enum(["pass", "fail", "error"]),
  result: CaseResult.nullable(),
  content: DraftContent.nullable(),
  error: z.string().nullable(),
  costMicros: z.number().int(),
  latencyMs: z.number().int(),
});
export type CaseResultOut = z.infer<typeof CaseResultOut>;

export const EvalRunDetail = RunSummary.extend({
  setId: z.string(),
  setName: z.string(),
  passThreshold: z.number(),
  results: z.array(CaseResultOut),
});
export type EvalRunDetail = z.infer<typeof EvalRunDetail>;

export const CompareQuery = z.object({ base: Id, head: Id });

/** improved: failed/errored in base, passed in head; regressed: the other way; same: unchanged. */
export const FLIP_KINDS = ["regressed", "improved", "same", "added", "removed"] as const;
export const CaseComparison = z.object({
  caseId: z.string(),
  caseName: z.string(),
  base: z.enum(["pass", "fail", "error"]).nullable(),
  head: z.enum(["pass", "fail", "error"]).nullable(),
  change: z.enum(FLIP_KINDS),
  /** Assertion labels whose status differs between the two runs. */
  changedAssertions: z.array(z.object({ label: z.string(), base: z.string().nullable(), head: z.string().nullable() })),
});
export type CaseComparison = z.infer<typeof CaseComparison>;

export const RunComparison = z.object({
  setId: z.string(),
  setName: z.string(),
  passThreshold: z.number(),
  base: RunSummary,
  head: RunSummary,
  /** Regressed first, then improved, then the rest. */
  cases: z.array(CaseComparison),
  counts: z.record(z.enum(FLIP_KINDS), z.number().int()),
});
export type RunComparison = z.infer<typeof RunComparison>;

/** Whether the `production` label may move to a version without an override. */
export const GateVerdict = z.object({
  allowed: z.boolean(),
  /** A sentence the UI shows as is. */
  message: z.string(),
  candidate: RunSummary.nullable(),
  baseline: RunSummary.nullable(),
  setName: z.string().nullable(),
});
export type GateVerdict = z.infer<typeof GateVerdict>;

/** The label move body: an admin may override a refusing gate, with a reason that is audited. */
export const MoveLabelBody = z.object({
  versionId: Id,
  override: z
    .object({ reason: z.string().trim().min(10, "Give a reason of at least 10 characters").max(500) })
    .optional(),
});
export type MoveLabelBody = z.input<typeof MoveLabelBody>;
