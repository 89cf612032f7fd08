import "server-only";
import Redis from "ioredis";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { log } from "@/server/log";
import { createGatewayGuard } from "@/server/features/guardrails/gateway-guard";
import { activePolicy } from "@/server/features/guardrails/policy";
import { hashKeyFor } from "@/server/features/guardrails/service";
import { MemoryResponseCache, RedisResponseCache, type ResponseCache } from "./cache";
import { InferenceConfigCache } from "./config";
import { createGateway, type Gateway } from "./gateway";
import { createLimits, type Limits } from "./limits";
import { createModelFactory, type ModelFactory } from "./models";
import type { AdminDeps } from "./admin/service";
import { envProviders, offersModel } from "./registry";
import { sumUsage } from "./repository";

export type { CallContext, GenerateRequest, GenerateResult, Gateway } from "./gateway";

type Runtime = { gateway: Gateway; config: InferenceConfigCache; limits: Limits; models: ModelFactory };

const g = globalThis as unknown as { __lecternInference?: Runtime; AI_SDK_LOG_WARNINGS?: boolean };

// Model warnings (e.g. "temperature is ignored" from the offline engine) stay on the
// results; the AI SDK would also print each one to the console.
g.AI_SDK_LOG_WARNINGS = false;

/**
 * The process-wide gateway: memory cache and limits by default; Redis for
 * both when REDIS_URL is set, so several instances share limits and answers.
 */
export function inference(): Runtime {
  if (g.__lecternInference) return g.__lecternInference;
  const e = env();
  const redis = e.redisUrl
    ? new Redis(e.redisUrl, { maxRetriesPerRequest: 2, enableAutoPipelining: true, lazyConnect: false })
    : undefined;
  const cache: ResponseCache = redis
    ? new RedisResponseCache(redis)
    : new MemoryResponseCache(e.inferenceCacheMaxEntries);
  const loadUsed = (b: { workspaceId: string; userId?: string; metric: "tokens" | "cost" }, since: Date) =>
    sumUsage(db(), { workspaceId: b.workspaceId, userId: b.userId, since, metric: b.metric });
  const limits = redis
    ? createLimits({ store: "redis", redis, prefix: "lectern:limits:", loadUsed })
    : createLimits({ store: "memory", loadUsed });
  const config = new InferenceConfigCache({ db: db(), secretKey: e.secretKey, envProviders: envProviders(e) });
  const models = createModelFactory();
  const guard = createGatewayGuard({
    policy: (workspaceId) => activePolicy(db(), workspaceId),
    hashKey: hashKeyFor,
  });
  const gateway = createGateway({ db: db(), config, models, cache, limits, guard });
  g.__lecternInference = { gateway, config, limits, models };
  return g.__lecternInference;
}

/** After an admin changes providers, routes, prices, budgets, limits or prompt labels. */
export function invalidateInference(workspaceId: string): void {
  const rt = g.__lecternInference;
  rt?.config.invalidate(workspaceId);
  rt?.gateway.invalidatePrompts(workspaceId);
}

/** What the admin use cases (Settings → Models) need from the runtime. */
export function adminDeps(): AdminDeps {
  const rt = inference();
  return {
    secretKey: env().secretKey,
    config: rt.config,
    limits: rt.limits,
    models: rt.models,
    invalidate: (workspaceId) => {
      invalidateInference(workspaceId);
      // A new embedding model makes stored vectors stale: start the re-index right away.
      void import("@/server/features/rag/runtime")
        .then(async (rag) => {
          const { reindexIfStale } = await import("@/server/features/rag/service");
          await reindexIfStale(rag.knowledgeDeps(), workspaceId);
        })
        .catch((err: unknown) => log().warn({ err, workspaceId }, "could not check knowledge vectors"));
    },
  };
}

/** One line for the studio shell: what writes drafts in this workspace right now. */
export async function draftEngineLabel(workspaceId: string): Promise<string> {
  const cfg = await inference().config.get(workspaceId);
  const primary = cfg.routeFor("draft").chain[0];
  const p = primary && cfg.providers.get(primary.provider);
  if (!primary || !p || p.kind === "offline") return "Offline engine · deterministic composer, not an LLM";
  return `Drafts: ${primary.model} via ${p.name}`;
}

/**
 * `provider/model` the embed route would use first right now (the same key `embed()` reports),
 * or null when the route has no usable model. Stored vectors made with another model are stale.
 */
export async function primaryModelFor(
  workspaceId: string,
  role: "embed" | "judge" | "revise",
): Promise<{ key: string; offline: boolean } | null> {
  const cfg = await inference().config.get(workspaceId);
  for (const t of cfg.routeFor(role).chain) {
    const p = cfg.providers.get(t.provider);
    if (p?.enabled && offersModel(p, t.model))
      return { key: `${t.provider}/${t.model}`, offline: p.kind === "offline" };
  }
  return null;
}
