import type { Tx } from "@/server/context";
import { NEWEST_FIRST, olderThan, type Keyset } from "@/server/db/keyset";
import type { Prisma } from "@/server/generated/sqlite/client";

const providerPublic = {
  id: true,
  kind: true,
  name: true,
  baseUrl: true,
  apiKeyLast4: true,
  models: true,
  enabled: true,
} as const;

export const listProviderRows = (tx: Tx, workspaceId: string) =>
  tx.providerConfig.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" }, select: providerPublic });
export const findProviderRow = (tx: Tx, workspaceId: string, id: string) =>
  tx.providerConfig.findFirst({ where: { id, workspaceId }, select: providerPublic });
export const insertProvider = (tx: Tx, data: Prisma.ProviderConfigUncheckedCreateInput) =>
  tx.providerConfig.create({ data, select: providerPublic });
export const updateProvider = (tx: Tx, id: string, data: Prisma.ProviderConfigUncheckedUpdateInput) =>
  tx.providerConfig.update({ where: { id }, data, select: providerPublic });
export const deleteProvider = (tx: Tx, id: string) => tx.providerConfig.delete({ where: { id } });

export const listRoutes = (tx: Tx, workspaceId: string) => tx.modelRoute.findMany({ where: { workspaceId } });
export const upsertRoute = (
  tx: Tx,
  workspaceId: string,
  role: string,
  data: { chain: Prisma.InputJsonValue; timeoutMs: number; deadlineMs: number; maxRetries: number },
) =>
  tx.modelRoute.upsert({
    where: { workspaceId_role: { workspaceId, role } },
    create: { workspaceId, role, ...data },
    update: data,
  });
export const deleteRoute = (tx: Tx, workspaceId: string, role: string) =>
  tx.modelRoute.deleteMany({ where: { workspaceId, role } });

export const listPrices = (tx: Tx, workspaceId: string) =>
  tx.modelPrice.findMany({ where: { workspaceId }, orderBy: { model: "asc" } });
export const upsertPrice = (
  tx: Tx,
  workspaceId: string,
  p: { model: string; inputMicrosPer1M: number; outputMicrosPer1M: number },
) =>
  tx.modelPrice.upsert({
    where: { workspaceId_model: { workspaceId, model: p.model } },
    create: { workspaceId, ...p },
    update: p,
  });
export const deletePrice = (tx: Tx, workspaceId: string, model: string) =>
  tx.modelPrice.deleteMany({ where: { workspaceId, model } });

export const listBudgets = (tx: Tx, workspaceId: string) =>
  tx.budget.findMany({ where: { workspaceId }, orderBy: { createdAt: "asc" } });
export const insertBudget = (tx: Tx, data: Prisma.BudgetUncheckedCreateInput) => tx.budget.create({ data });
export const findBudgetByScope = (tx: Tx, workspaceId: string, scope: string) =>
  tx.budget.findUnique({ where: { workspaceId_scope: { workspaceId, scope } } });
export const findBudget = (tx: Tx, workspaceId: string, id: string) =>
  tx.budget.findFirst({ where: { id, workspaceId } });
export const deleteBudget = (tx: Tx, id: string) => tx.budget.delete({ where: { id } });

export const findSettings = (tx: Tx, workspaceId: string) =>
  tx.inferenceSettings.findUnique({ where: { workspaceId } });
export const upsertSettings = (
  tx: Tx,
  workspaceId: string,
  data: Omit<Prisma.InferenceSettingsUncheckedCreateInput, "workspaceId">,
) => tx.inferenceSettings.upsert({ where: { workspaceId }, create: { workspaceId, ...data }, update: data });

export function listUsage(tx: Tx, workspaceId: string, opts: { limit: number; cursor?: Keyset }) {
  return tx.usageEvent.findMany({
    where: { workspaceId, ...olderThan(opts.cursor) },
    orderBy: NEWEST_FIRST,
    take: opts.limit + 1,
  });
}
