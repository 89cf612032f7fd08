import { z } from "zod";
import { AppError } from "@/lib/errors";
import { RouteTarget, type ModelRole } from "@/lib/schemas/inference";
import type { Db } from "@/server/db/client";
import { decryptSecret } from "@/server/secrets";
import type { Price } from "./pricing";
import { defaultChain, OFFLINE_PROVIDER, type CallableProvider } from "./registry";
import { loadWorkspaceInference } from "./repository";
import type { RoutePolicy } from "./routing";

export type BudgetRule = {
  id: string;
  userId: string | null;
  metric: "tokens" | "cost";
  period: "day" | "month";
  softCap: number | null;
  hardCap: number;
};

export type InferenceConfig = {
  workspaceId: string;
  workspaceName: string;
  providers: Map<string, CallableProvider>;
  routeFor(role: ModelRole): { chain: RouteTarget[]; policy: RoutePolicy; custom: boolean };
  prices: Map<string, Price>;
  budgets: BudgetRule[];
  limits: {
    requestsPerMin: number | null;
    tokensPerMin: number | null;
    userRequestsPerMin: number | null;
    userTokensPerMin: number | null;
  };
  cacheTtlSeconds: number;
};

const DEFAULT_POLICY: RoutePolicy = { timeoutMs: 30_000, deadlineMs: 90_000, maxRetries: 2 };

/**
 * Reads a workspace's gateway configuration and keeps it for a few seconds,
 * so a call costs no configuration queries on the hot path. Admin changes in
 * this process invalidate at once; other instances see them within the TTL.
 */
export class InferenceConfigCache {
  private readonly entries = new Map<string, { at: number; config: Promise<InferenceConfig> }>();
  constructor(
    private readonly deps: {
      db: Db;
      secretKey: Buffer;
      envProviders: CallableProvider[];
      ttlMs?: number;
      now?: () => number;
    },
  ) {}

  get(workspaceId: string): Promise<InferenceConfig> {
    const now = (this.deps.now ?? Date.now)();
    const hit = this.entries.get(workspaceId);
    if (hit && now - hit.at < (this.deps.ttlMs ?? 5000)) return hit.config;
    const config = this.load(workspaceId);
    this.entries.set(workspaceId, { at: now, config });
    config.catch(() => this.entries.delete(workspaceId));
    return config;
  }

  invalidate(workspaceId: string): void {
    this.entries.delete(workspaceId);
  }

  private async load(workspaceId: string): Promise<InferenceConfig> {
    const raw = await loadWorkspaceInference(this.deps.db, workspaceId);
    if (!raw.workspace) throw new AppError("not_found:workspace", "That workspace does not exist.");
    const providers = new Map<string, CallableProvider>([
      [OFFLINE_PROVIDER.id, OFFLINE_PROVIDER],
      ...this.deps.envProviders.map((p) => [p.id, p] as const),
    ]);
    for (const p of raw.providers) {
      providers.set(p.id, {
        id: p.id,
        kind: p.kind as CallableProvider["kind"],
        name: p.name,
        source: "workspace",
        baseUrl: p.baseUrl,
        apiKeyLast4: p.apiKeyLast4,
        models: z.array(z.string()).parse(p.models),
        enabled: p.enabled,
        // Decrypted lazily would save nothing: the config lives in memory for seconds, server-side only.
        apiKey: p.apiKeyCipher
          ? decryptSecret(this.deps.secretKey, p.apiKeyCipher, `provider:${workspaceId}`)
          : undefined,
      });
    }
    const routes = new Map(raw.routes.map((r) => [r.role, r]));
    const all = [...providers.values()];
    return {
      workspaceId,
      workspaceName: raw.workspace.name,
      providers,
      routeFor(role) {
        const r = routes.get(role);
        if (!r) return { chain: defaultChain(role, all), policy: DEFAULT_POLICY, custom: false };
        return {
          chain: z.array(RouteTarget).parse(r.chain),
          policy: { timeoutMs: r.timeoutMs, deadlineMs: r.deadlineMs, maxRetries: r.maxRetries },
          custom: true,
        };
      },
      prices: new Map(
        raw.prices.map((p) => [
          p.model,
          { inputMicrosPer1M: p.inputMicrosPer1M, outputMicrosPer1M: p.outputMicrosPer1M },
        ]),
      ),
      budgets: raw.budgets.map((b) => ({
        id: b.id,
        userId: b.userId,
        metric: b.metric as BudgetRule["metric"],
        period: b.period as BudgetRule["period"],
        softCap: b.softCap,
        hardCap: b.hardCap,
      })),
      limits: {
        requestsPerMin: raw.settings?.requestsPerMin ?? null,
        tokensPerMin: raw.settings?.tokensPerMin ?? null,
        userRequestsPerMin: raw.settings?.userRequestsPerMin ?? null,
        userTokensPerMin: raw.settings?.userTokensPerMin ?? null,
      },
      cacheTtlSeconds: raw.settings?.cacheTtlSeconds ?? 86_400,
    };
  }
}
