import type { Tx } from "@/server/context";
import type { Prisma } from "@/server/generated/sqlite/client";

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

export function insertUsageEvent(tx: Tx, row: Prisma.UsageEventUncheckedCreateInput) {
  return tx.usageEvent.create({ data: row, select: { id: true } });
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
