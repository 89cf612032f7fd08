/** Pipeline dependencies for tests: the real offline engine, the embedded index, in-memory limits. */
import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db/client";
import { MemoryResponseCache } from "@/server/inference/cache";
import { InferenceConfigCache } from "@/server/inference/config";
import { createGateway } from "@/server/inference/gateway";
import { createLimits } from "@/server/inference/limits";
import { createModelFactory, type ModelFactory } from "@/server/inference/models";
import { createGatewayGuard } from "@/server/features/guardrails/gateway-guard";
import { activePolicy } from "@/server/features/guardrails/policy";
import { makeKbDeps } from "@/server/features/rag/testing";
import type { PipelineDeps } from "./pipeline";

export function makePipelineDeps(
  db: Db,
  opts: { models?: ModelFactory; canRevise?: boolean; secretKey?: Buffer } = {},
) {
  const kb = makeKbDeps(db);
  const gateway = createGateway({
    db,
    config: new InferenceConfigCache({ db, secretKey: opts.secretKey ?? randomBytes(32), envProviders: [] }),
    models: opts.models ?? createModelFactory(),
    cache: new MemoryResponseCache(100),
    limits: createLimits({ store: "memory", loadUsed: async () => 0 }),
    guard: createGatewayGuard({ policy: (id) => activePolicy(db, id, 0), hashKey: (id) => `test:${id}` }),
  });
  const deps: PipelineDeps = {
    kb,
    gateway,
    hashKey: (id) => `test:${id}`,
    canRevise: async () => opts.canRevise ?? false,
  };
  return { deps, kb };
}
