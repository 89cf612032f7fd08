import { randomUUID } from "node:crypto";
import type { Tx } from "@/server/context";
import { dialectOf, type Db } from "@/server/db/client";

/** Everything the gateway needs about a workspace, in one round of queries. */
export async function loadWorkspaceInference(tx: Tx, workspaceId: string) {
  const [workspace, providers, routes, prices, budgets, settings] = await Promise.all([
    tx.workspace.findUnique({ where: { id: workspaceId }, select: { id: true, name: true } }),
    tx.providerConfig.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" } }),
    tx.modelRoute.findMany({ where: { workspaceId } }),
    tx.modelPrice.findMany({ where: { workspaceId } }),
    tx.budget.findMany({ where: { workspaceId } }),
    tx.inferenceSettings.findUnique({ where: { workspaceId } }),
  ]);
  return { workspace, providers, routes, prices, budgets, settings };
}

export type UsageRow = {
  workspaceId: string;
  userId: string | null;
  role: string;
  providerKind: string;
  providerId: string | null;
  model: string;
  promptKey: string | null;
  promptVersionId: string | null;
  inputTokens: number;
  outputTokens: number;
  costMicros: number;
  latencyMs: number;
  cacheHit: boolean;
  retries: number;
  fallbackUsed: boolean;
  outcome: "ok" | "error" | "refused";
  errorClass: string | null;
  attempts: unknown[];
  requestId: string | null;
  /** Counts per entity type of values the guardrails changed before an external call; never the values. */
  redactions?: Record<string, number> | null;
  injectionScore?: number | null;
};

/**
 * One ledger row per gateway call, on the hot path of every call: a single
 * parameterised INSERT, about three times faster than the equivalent
 * `create` (measured 0.16 vs 0.49 ms p50 on SQLite; see npm run bench).
 * Values are bound parameters, never interpolated; the Date is serialised by
 * the driver adapter exactly as Prisma does, so Prisma reads these rows as
 * its own (tested on both databases).
 */
export async function insertUsageEvent(db: Db, r: UsageRow): Promise<{ id: string }> {
  const id = `ue_${randomUUID().replace(/-/g, "")}`;
  const attempts = JSON.stringify(r.attempts);
  const redactions = r.redactions && Object.keys(r.redactions).length ? JSON.stringify(r.redactions) : null;
  const injection = r.injectionScore ?? null;
  const now = new Date();
  if (dialectOf(db) === "postgres") {
    await db.$executeRaw`INSERT INTO usage_events (id, "workspaceId", "userId", role, "providerKind", "providerId", model, "promptKey", "promptVersionId", "inputTokens", "outputTokens", "costMicros", "latencyMs", "cacheHit", retries, "fallbackUsed", outcome, "errorClass", attempts, "requestId", redactions, "injectionScore", "createdAt")
      VALUES (${id}, ${r.workspaceId}, ${r.userId}, ${r.role}, ${r.providerKind}, ${r.providerId}, ${r.model}, ${r.promptKey}, ${r.promptVersionId}, ${r.inputTokens}, ${r.outputTokens}, ${r.costMicros}, ${r.latencyMs}, ${r.cacheHit}, ${r.retries}, ${r.fallbackUsed}, ${r.outcome}, ${r.errorClass}, CAST(${attempts} AS jsonb), ${r.requestId}, CAST(${redactions} AS jsonb), ${injection}, ${now})`;
  } else {
    await db.$executeRaw`INSERT INTO usage_events (id, "workspaceId", "userId", role, "providerKind", "providerId", model, "promptKey", "promptVersionId", "inputTokens", "outputTokens", "costMicros", "latencyMs", "cacheHit", retries, "fallbackUsed", outcome, "errorClass", attempts, "requestId", redactions, "injectionScore", "createdAt")
      VALUES (${id}, ${r.workspaceId}, ${r.userId}, ${r.role}, ${r.providerKind}, ${r.providerId}, ${r.model}, ${r.promptKey}, ${r.promptVersionId}, ${r.inputTokens}, ${r.outputTokens}, ${r.costMicros}, ${r.latencyMs}, ${r.cacheHit}, ${r.retries}, ${r.fallbackUsed}, ${r.outcome}, ${r.errorClass}, ${attempts}, ${r.requestId}, ${redactions}, ${injection}, ${now})`;
  }
  return { id };
}

/** Tokens or micro-dollars used since `since`, for a budget's starting point after a restart. */
export async function sumUsage(
  tx: Tx,
  q: { workspaceId: string; userId?: string | null; since: Date; metric: "tokens" | "cost" },
) {
  const r = await tx.usageEvent.aggregate({
    where: { workspaceId: q.workspaceId, ...(q.userId ? { userId: q.userId } : {}), createdAt: { gte: q.since } },
    _sum: { inputTokens: true, outputTokens: true, costMicros: true },
  });
  return q.metric === "cost" ? (r._sum.costMicros ?? 0) : (r._sum.inputTokens ?? 0) + (r._sum.outputTokens ?? 0);
}
