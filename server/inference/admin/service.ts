import { generateText } from "ai";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import {
  BudgetBody,
  GatewaySettings,
  CreateProviderBody,
  MODEL_ROLES,
  PriceBody,
  RouteBody,
  RouteTarget,
  type ModelRole,
  type ProviderSummary,
} from "@/lib/schemas/inference";
import type { WorkspaceCtx } from "@/server/context";
import { requireRole } from "@/server/auth/authorize";
import { audit, decodeCursor, encodeCursor } from "@/server/features/audit/service";
import { encryptSecret, last4 } from "@/server/secrets";
import type { InferenceConfigCache } from "../config";
import { classifyError } from "../errors";
import type { Limits } from "../limits";
import type { ModelFactory } from "../models";
import { BUILTIN_PRICES } from "../pricing";
import { offersModel, type CallableProvider } from "../registry";
import * as repo from "./repository";

/** What admin use cases need besides the workspace context. */
export type AdminDeps = {
  secretKey: Buffer;
  config: InferenceConfigCache;
  limits: Limits;
  models: ModelFactory;
  invalidate: (workspaceId: string) => void;
};

const Models = z.array(z.string());

function publicProvider(p: CallableProvider): ProviderSummary {
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    source: p.source,
    baseUrl: p.baseUrl,
    apiKeyLast4: p.apiKeyLast4,
    models: p.models,
    enabled: p.enabled,
  };
}

/** Every provider the workspace can route to: built-in, instance (env) and its own. Keys never leave the server. */
export async function listProviders(ctx: WorkspaceCtx, deps: AdminDeps): Promise<ProviderSummary[]> {
  requireRole(ctx, "admin", "manage model providers");
  const cfg = await deps.config.get(ctx.workspaceId);
  return [...cfg.providers.values()].map(publicProvider);
}

export async function createProvider(
  ctx: WorkspaceCtx,
  deps: AdminDeps,
  input: CreateProviderBody,
): Promise<ProviderSummary> {
  requireRole(ctx, "admin", "add model providers");
  const body = CreateProviderBody.parse(input);
  const apiKey = "apiKey" in body ? body.apiKey : undefined;
  const row = await ctx.db.$transaction(async (tx) => {
    const p = await repo.insertProvider(tx, {
      workspaceId: ctx.workspaceId,
      kind: body.kind,
      name: body.name,
      baseUrl: "baseUrl" in body ? (body.baseUrl ?? null) : null,
      apiKeyCipher: apiKey ? encryptSecret(deps.secretKey, apiKey, `provider:${ctx.workspaceId}`) : null,
      apiKeyLast4: apiKey ? last4(apiKey) : null,
      models: body.models,
    });
    await audit(tx, ctx, {
      action: "provider.created",
      entityType: "provider",
      entityId: p.id,
      after: { kind: p.kind, name: p.name, models: body.models },
    });
    return p;
  });
  deps.invalidate(ctx.workspaceId);
  return { ...row, kind: row.kind as ProviderSummary["kind"], source: "workspace", models: Models.parse(row.models) };
}

export const UpdateProviderBody = z.object({
  name: z.string().trim().min(1).max(80).optional(),
  enabled: z.boolean().optional(),
  models: z.array(z.string().trim().min(1).max(200)).min(1).max(50).optional(),
  apiKey: z.string().trim().min(8).optional(),
  baseUrl: z.url().optional(),
});

export async function updateProvider(
  ctx: WorkspaceCtx,
  deps: AdminDeps,
  id: string,
  input: z.input<typeof UpdateProviderBody>,
): Promise<void> {
  requireRole(ctx, "admin", "change model providers");
  const body = UpdateProviderBody.parse(input);
  await ctx.db.$transaction(async (tx) => {
    const before = await repo.findProviderRow(tx, ctx.workspaceId, id);
    if (!before) throw new AppError("not_found:provider", "That provider does not exist in this workspace.");
    await repo.updateProvider(tx, id, {
      ...(body.name ? { name: body.name } : {}),
      ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
      ...(body.models ? { models: body.models } : {}),
      ...(body.baseUrl ? { baseUrl: body.baseUrl } : {}),
      ...(body.apiKey
        ? {
            apiKeyCipher: encryptSecret(deps.secretKey, body.apiKey, `provider:${ctx.workspaceId}`),
            apiKeyLast4: last4(body.apiKey),
          }
        : {}),
    });
    await audit(tx, ctx, {
      action: "provider.updated",
      entityType: "provider",
      entityId: id,
      before: { name: before.name, enabled: before.enabled },
      after: { ...body, apiKey: body.apiKey ? `…${last4(body.apiKey)}` : undefined },
    });
  });
  deps.invalidate(ctx.workspaceId);
}

export async function deleteProvider(ctx: WorkspaceCtx, deps: AdminDeps, id: string): Promise<void> {
  requireRole(ctx, "admin", "remove model providers");
  await ctx.db.$transaction(async (tx) => {
    const p = await repo.findProviderRow(tx, ctx.workspaceId, id);
    if (!p) throw new AppError("not_found:provider", "That provider does not exist in this workspace.");
    const using = (await repo.listRoutes(tx, ctx.workspaceId))
      .filter((r) =>
        z
          .array(RouteTarget)
          .parse(r.chain)
          .some((t) => t.provider === id),
      )
      .map((r) => r.role);
    if (using.length)
      throw new AppError(
        "conflict:provider_in_use",
        `The ${using.join(", ")} route${using.length > 1 ? "s use" : " uses"} ${p.name}. Change ${using.length > 1 ? "them" : "it"} first.`,
      );
    await repo.deleteProvider(tx, id);
    await audit(tx, ctx, {
      action: "provider.deleted",
      entityType: "provider",
      entityId: id,
      before: { name: p.name, kind: p.kind },
    });
  });
  deps.invalidate(ctx.workspaceId);
}

export const TestConnectionBody = z.object({
  provider: z.string().min(1).max(64),
  model: z.string().min(1).max(200).optional(),
});

/** "Test connection": one tiny real call to the provider, outside routes, budgets and the cache. */
export async function testConnection(ctx: WorkspaceCtx, deps: AdminDeps, input: z.input<typeof TestConnectionBody>) {
  requireRole(ctx, "admin", "test model providers");
  const body = TestConnectionBody.parse(input);
  const cfg = await deps.config.get(ctx.workspaceId);
  const p = cfg.providers.get(body.provider);
  if (!p) throw new AppError("not_found:provider", "That provider does not exist in this workspace.");
  const model = body.model ?? p.models.find((m) => !/embed/i.test(m)) ?? p.models[0];
  if (!model)
    return {
      ok: false,
      model: null,
      latencyMs: 0,
      message: "The provider lists no models. Add at least one model id.",
    };
  const started = performance.now();
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(new DOMException("timeout", "TimeoutError")), 15_000);
  try {
    const r = await generateText({
      model: deps.models.language(p, model),
      prompt: "Reply with the word OK.",
      maxOutputTokens: 8,
      maxRetries: 0,
      abortSignal: ctl.signal,
    });
    return {
      ok: true,
      model,
      latencyMs: Math.round(performance.now() - started),
      message: `Connected: ${model} answered "${r.text.trim().slice(0, 40)}".`,
    };
  } catch (e) {
    const c = classifyError(e, { timedOut: ctl.signal.aborted, callerAborted: false });
    return { ok: false, model, latencyMs: Math.round(performance.now() - started), message: c.message };
  } finally {
    clearTimeout(timer);
  }
}

export async function listRoutes(ctx: WorkspaceCtx, deps: AdminDeps) {
  requireRole(ctx, "admin", "manage model routes");
  const cfg = await deps.config.get(ctx.workspaceId);
  return MODEL_ROLES.map((role) => ({ role, ...cfg.routeFor(role) }));
}

export async function setRoute(ctx: WorkspaceCtx, deps: AdminDeps, role: ModelRole, input: RouteBody): Promise<void> {
  requireRole(ctx, "admin", "change model routes");
  const body = RouteBody.parse(input);
  const cfg = await deps.config.get(ctx.workspaceId);
  for (const t of body.chain) {
    const p = cfg.providers.get(t.provider);
    if (!p) throw new AppError("validation:route", `Provider ${t.provider} does not exist in this workspace.`);
    if (!offersModel(p, t.model))
      throw new AppError(
        "validation:route",
        p.kind === "offline"
          ? `The offline engine has no model ${t.model}.`
          : `${p.name} does not offer ${t.model}. Add the model id to the provider first.`,
      );
  }
  await ctx.db.$transaction(async (tx) => {
    await repo.upsertRoute(tx, ctx.workspaceId, role, body);
    await audit(tx, ctx, {
      action: "route.set",
      entityType: "model_route",
      entityId: role,
      before: { chain: cfg.routeFor(role).chain },
      after: { chain: body.chain },
    });
  });
  deps.invalidate(ctx.workspaceId);
}

export async function resetRoute(ctx: WorkspaceCtx, deps: AdminDeps, role: ModelRole): Promise<void> {
  requireRole(ctx, "admin", "change model routes");
  await ctx.db.$transaction(async (tx) => {
    await repo.deleteRoute(tx, ctx.workspaceId, role);
    await audit(tx, ctx, { action: "route.reset", entityType: "model_route", entityId: role });
  });
  deps.invalidate(ctx.workspaceId);
}

export async function listPrices(ctx: WorkspaceCtx) {
  requireRole(ctx, "admin", "manage prices");
  const overrides = await repo.listPrices(ctx.db, ctx.workspaceId);
  const byModel = new Map(overrides.map((o) => [o.model, o]));
  const builtin = Object.entries(BUILTIN_PRICES).map(([model, p]) => ({
    model,
    ...p,
    source: byModel.has(model) ? ("workspace" as const) : ("builtin" as const),
    ...(byModel.get(model)
      ? {
          inputMicrosPer1M: byModel.get(model)!.inputMicrosPer1M,
          outputMicrosPer1M: byModel.get(model)!.outputMicrosPer1M,
        }
      : {}),
  }));
  const extra = overrides
    .filter((o) => !(o.model in BUILTIN_PRICES))
    .map((o) => ({
      model: o.model,
      inputMicrosPer1M: o.inputMicrosPer1M,
      outputMicrosPer1M: o.outputMicrosPer1M,
      source: "workspace" as const,
    }));
  return [...builtin, ...extra].sort((a, b) => a.model.localeCompare(b.model));
}

export async function setPrice(ctx: WorkspaceCtx, deps: AdminDeps, input: PriceBody): Promise<void> {
  requireRole(ctx, "admin", "change prices");
  const body = PriceBody.parse(input);
  await ctx.db.$transaction(async (tx) => {
    await repo.upsertPrice(tx, ctx.workspaceId, body);
    await audit(tx, ctx, { action: "price.set", entityType: "model_price", entityId: body.model, after: body });
  });
  deps.invalidate(ctx.workspaceId);
}

export async function listBudgets(ctx: WorkspaceCtx, deps: AdminDeps) {
  requireRole(ctx, "admin", "manage budgets");
  const cfg = await deps.config.get(ctx.workspaceId);
  const rows = await repo.listBudgets(ctx.db, ctx.workspaceId);
  const usage = await deps.limits.usage(
    rows.map((b) => ({
      workspaceId: ctx.workspaceId,
      ...(b.userId ? { userId: b.userId } : {}),
      label: cfg.workspaceName,
      metric: b.metric as "tokens" | "cost",
      period: b.period as "day" | "month",
      hardCap: b.hardCap,
      softCap: b.softCap,
    })),
  );
  return rows.map((b, i) => ({
    id: b.id,
    userId: b.userId,
    metric: b.metric as "tokens" | "cost",
    period: b.period as "day" | "month",
    softCap: b.softCap,
    hardCap: b.hardCap,
    used: usage[i]?.used ?? 0,
    reserved: usage[i]?.reserved ?? 0,
    periodStart: usage[i]?.window.start.toISOString() ?? null,
  }));
}

export async function createBudget(ctx: WorkspaceCtx, deps: AdminDeps, input: BudgetBody) {
  requireRole(ctx, "admin", "set budgets");
  const body = BudgetBody.parse(input);
  const scope = budgetScope(body);
  const b = await ctx.db.$transaction(async (tx) => {
    if (await repo.findBudgetByScope(tx, ctx.workspaceId, scope)) {
      throw new AppError(
        "conflict:budget_exists",
        `There is already a ${body.period === "day" ? "daily" : "monthly"} ${body.metric === "cost" ? "cost" : "token"} budget for ${body.userId ? "this member" : "the workspace"}. Change or delete it instead.`,
      );
    }
    const row = await repo.insertBudget(tx, { workspaceId: ctx.workspaceId, ...body, scope });
    await audit(tx, ctx, { action: "budget.created", entityType: "budget", entityId: row.id, after: body });
    return row;
  });
  deps.invalidate(ctx.workspaceId);
  return { id: b.id };
}

/** One budget per (member or workspace, metric, period): the key the database keeps unique. */
export function budgetScope(b: { userId: string | null; metric: string; period: string }): string {
  return `${b.userId ?? "*"}:${b.metric}:${b.period}`;
}

export async function deleteBudget(ctx: WorkspaceCtx, deps: AdminDeps, id: string): Promise<void> {
  requireRole(ctx, "admin", "remove budgets");
  await ctx.db.$transaction(async (tx) => {
    const b = await repo.findBudget(tx, ctx.workspaceId, id);
    if (!b) throw new AppError("not_found:budget", "That budget does not exist.");
    await repo.deleteBudget(tx, id);
    await audit(tx, ctx, {
      action: "budget.deleted",
      entityType: "budget",
      entityId: id,
      before: { metric: b.metric, period: b.period, hardCap: b.hardCap },
    });
  });
  deps.invalidate(ctx.workspaceId);
}

type SettingsBody = GatewaySettings;

export async function getSettings(ctx: WorkspaceCtx): Promise<SettingsBody> {
  requireRole(ctx, "admin", "manage gateway settings");
  const s = await repo.findSettings(ctx.db, ctx.workspaceId);
  return {
    requestsPerMin: s?.requestsPerMin ?? null,
    tokensPerMin: s?.tokensPerMin ?? null,
    userRequestsPerMin: s?.userRequestsPerMin ?? null,
    userTokensPerMin: s?.userTokensPerMin ?? null,
    cacheTtlSeconds: s?.cacheTtlSeconds ?? 86_400,
  };
}

export async function setSettings(ctx: WorkspaceCtx, deps: AdminDeps, input: SettingsBody): Promise<void> {
  requireRole(ctx, "admin", "change gateway settings");
  const body = GatewaySettings.parse(input);
  await ctx.db.$transaction(async (tx) => {
    await repo.upsertSettings(tx, ctx.workspaceId, body);
    await audit(tx, ctx, {
      action: "inference_settings.set",
      entityType: "inference_settings",
      entityId: ctx.workspaceId,
      after: body,
    });
  });
  deps.invalidate(ctx.workspaceId);
}

/** The usage ledger, newest first (editors and admins). */
export async function listUsage(ctx: WorkspaceCtx, q: { limit: number; cursor?: string }) {
  requireRole(ctx, "editor", "read the usage ledger");
  const rows = await repo.listUsage(ctx.db, ctx.workspaceId, {
    limit: q.limit,
    cursor: q.cursor ? decodeCursor(q.cursor) : undefined,
  });
  const items = rows.slice(0, q.limit);
  return {
    items: items.map((r) => ({
      ...r,
      attempts: Array.isArray(r.attempts) ? r.attempts : [],
      outcome: r.outcome as "ok" | "error" | "refused",
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: rows.length > q.limit && items.length ? encodeCursor(items[items.length - 1]!) : null,
  };
}
