/**
 * The eval gate on a prompt's `production` label: a version may become production when its
 * newest finished eval run passed its golden set (pass rate ≥ the set's threshold) and did at
 * least as well as the current production version's newest run on the same set. An admin may
 * override a refusal with a reason; the label move's audit entry records the verdict and reason.
 */
import { AppError } from "@/lib/errors";
import { EVALUATED_PROMPT_KEYS, type GateVerdict, type MoveLabelBody } from "@/lib/schemas/golden-sets";
import type { Tx, WorkspaceCtx } from "@/server/context";
import { requireRole } from "@/server/auth/authorize";
import type { LabelMoveCheck } from "@/server/inference/prompts/service";
import { runFacts } from "./dto";
import * as repo from "./repository";

const pct = (n: number) => `${Math.round(n * 1000) / 10}%`;

export function isGated(key: string, label: string): boolean {
  return label === "production" && (EVALUATED_PROMPT_KEYS as readonly string[]).includes(key);
}

/** Would moving `production` of `key` to `versionId` pass the gate? Explains why in one sentence. */
export async function gateVerdict(tx: Tx, workspaceId: string, key: string, versionId: string): Promise<GateVerdict> {
  const none = { candidate: null, baseline: null, setName: null };
  const v = await repo.findPromptVersion(tx, workspaceId, versionId);
  if (!v || v.key !== key)
    throw new AppError("not_found:prompt_version", `Version ${versionId} of ${key} does not exist in this workspace.`);
  if (!isGated(key, "production"))
    return { allowed: true, message: `No golden set judges ${key}; moving its labels is not gated.`, ...none };
  const current = (await repo.findProductionVersion(tx, workspaceId, key))?.version ?? null;
  if (current?.id === v.id) return { allowed: true, message: `v${v.version} is already in production.`, ...none };

  const cand = await repo.latestSucceededRun(tx, workspaceId, v.id);
  if (!cand)
    return {
      allowed: false,
      message: `v${v.version} has no finished eval run. Run a golden set against it on the Evals page first (or override with a reason).`,
      ...none,
    };
  const base = current ? await repo.latestSucceededRun(tx, workspaceId, current.id, cand.setId) : null;
  const summarize = await runFacts(tx, base ? [cand, base] : [cand]);
  const threshold = cand.set.passThreshold;
  const candidate = summarize(cand, threshold);
  const baseline = base ? summarize(base, threshold) : null;
  const rate = cand.passRate ?? 0;
  const facts = { candidate, baseline, setName: cand.set.name };
  const head = `v${v.version} passed ${pct(rate)} of “${cand.set.name}”`;
  if (rate < threshold - 1e-9)
    return { allowed: false, message: `${head}, below the set's ${pct(threshold)} threshold.`, ...facts };
  if (current && !base)
    return {
      allowed: false,
      message: `${head}, but the current production version v${current.version} has no finished run on that set to compare with. Run the set against v${current.version} too (or override with a reason).`,
      ...facts,
    };
  if (base && rate < (base.passRate ?? 0) - 1e-9)
    return {
      allowed: false,
      message: `${head}: worse than the current production version v${current!.version}, which passed ${pct(base.passRate ?? 0)}.`,
      ...facts,
    };
  return {
    allowed: true,
    message: base
      ? `${head} (threshold ${pct(threshold)}), at least as good as v${current!.version}'s ${pct(base.passRate ?? 0)}.`
      : `${head} (threshold ${pct(threshold)}).`,
    ...facts,
  };
}

export async function checkGate(ctx: WorkspaceCtx, key: string, versionId: string): Promise<GateVerdict> {
  requireRole(ctx, "admin", "move prompt labels");
  return gateVerdict(ctx.db, ctx.workspaceId, key, versionId);
}

/**
 * The check `movePromptLabel` runs inside its transaction for a gated move: refuses with 409
 * `conflict:eval_gate` unless the gate allows it or the admin gave an override reason.
 */
export function productionGate(override: MoveLabelBody["override"]): LabelMoveCheck {
  return async (tx, move) => {
    if (!isGated(move.key, move.label)) return;
    const verdict = await gateVerdict(tx, move.workspaceId, move.key, move.to.id);
    if (verdict.allowed) return { gate: "passed", evalRunId: verdict.candidate?.id ?? null };
    if (!override)
      throw new AppError("conflict:eval_gate", `The eval gate refused: ${verdict.message}`, { details: verdict });
    return { gate: "overridden", gateMessage: verdict.message, overrideReason: override.reason.trim() };
  };
}
