/**
 * The workspace's guardrail policy: versioned, admin-edited, read on every model call (through a
 * short per-process cache that a save in this process clears at once).
 */
import { AppError } from "@/lib/errors";
import { GuardrailPolicy, GuardrailPolicyBody, type GuardrailPolicyOut } from "@/lib/schemas/guardrails";
import type { WorkspaceCtx } from "@/server/context";
import type { Db } from "@/server/db/client";
import { requireRole } from "@/server/auth/authorize";
import { audit } from "@/server/features/audit/service";

export type ActivePolicy = { version: number; policy: GuardrailPolicy };

export const DEFAULT_POLICY: GuardrailPolicy = GuardrailPolicy.parse({});

const CACHE_MS = 5_000;
const cache = new Map<string, { at: number; p: Promise<ActivePolicy> }>();

async function load(
  db: Db,
  workspaceId: string,
): Promise<ActivePolicy & { row: { createdAt: Date; createdByLabel: string | null } | null }> {
  const row = await db.guardrailPolicyVersion.findFirst({ where: { workspaceId }, orderBy: { version: "desc" } });
  if (!row) return { version: 0, policy: DEFAULT_POLICY, row: null };
  return { version: row.version, policy: GuardrailPolicy.parse(row.policy), row };
}

/** The policy in force (defaults when the workspace never saved one); cached for a few seconds. */
export function activePolicy(db: Db, workspaceId: string, now = Date.now()): Promise<ActivePolicy> {
  const hit = cache.get(workspaceId);
  if (hit && now - hit.at < CACHE_MS) return hit.p;
  const p = load(db, workspaceId).then(({ version, policy }) => ({ version, policy }));
  cache.set(workspaceId, { at: now, p });
  p.catch(() => cache.delete(workspaceId));
  return p;
}

export async function getPolicy(ctx: WorkspaceCtx): Promise<GuardrailPolicyOut> {
  const a = await load(ctx.db, ctx.workspaceId);
  return {
    version: a.version,
    policy: a.policy,
    updatedAt: a.row?.createdAt.toISOString() ?? null,
    updatedBy: a.row?.createdByLabel ?? null,
  };
}

/** Saves a new version on top of `baseVersion`; a stale base is a 409, never an overwrite. */
export async function savePolicy(ctx: WorkspaceCtx, raw: unknown): Promise<GuardrailPolicyOut> {
  requireRole(ctx, "admin", "change the guardrail policy");
  const body = GuardrailPolicyBody.parse(raw);
  await ctx.db.$transaction(async (tx) => {
    const latest = await tx.guardrailPolicyVersion.findFirst({
      where: { workspaceId: ctx.workspaceId },
      orderBy: { version: "desc" },
      select: { version: true, policy: true },
    });
    const current = latest?.version ?? 0;
    if (current !== body.baseVersion)
      throw new AppError(
        "conflict:guardrail_version",
        `Someone saved version ${current} of the guardrail policy after you opened version ${body.baseVersion}. Reload to see their changes, then apply yours again.`,
      );
    const before = latest ? GuardrailPolicy.parse(latest.policy) : DEFAULT_POLICY;
    await tx.guardrailPolicyVersion.create({
      data: {
        workspaceId: ctx.workspaceId,
        version: current + 1,
        policy: body.policy,
        createdById: ctx.actor.type === "user" ? ctx.actor.id : null,
        createdByLabel: ctx.actor.label,
      },
    });
    // Knowledge chunks are quarantined by score against the threshold in force: re-apply a new one.
    if (before.injectionThreshold !== body.policy.injectionThreshold)
      await tx.$executeRaw`UPDATE "knowledge_chunks" SET "quarantined" = ("injectionScore" >= ${body.policy.injectionThreshold}) WHERE "workspaceId" = ${ctx.workspaceId}`;
    // The audit trail keeps what changed, without the people and deny lists themselves (they are PII).
    await audit(tx, ctx, {
      action: "guardrails.policy.saved",
      entityType: "guardrail_policy",
      entityId: ctx.workspaceId,
      before: { version: current, ...summary(before) },
      after: { version: current + 1, ...summary(body.policy) },
    });
  });
  cache.delete(ctx.workspaceId);
  return getPolicy(ctx);
}

function summary(p: GuardrailPolicy) {
  return {
    entities: Object.fromEntries(Object.entries(p.entities).map(([k, v]) => [k, v.enabled ? v.action : "off"])),
    minScore: p.minScore,
    injectionThreshold: p.injectionThreshold,
    allowedDomains: p.allowedDomains,
    competitors: p.competitors.length,
    people: p.people.length,
    denyList: p.denyList.length,
    profanity: p.profanity,
  };
}
