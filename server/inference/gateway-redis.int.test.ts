import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { MockLanguageModelV3 } from "ai/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteTestDb, type TestDb } from "@/server/testing/databases";
import { makeWorkspace } from "@/server/testing/workspaces";
import { RedisResponseCache } from "./cache";
import { InferenceConfigCache } from "./config";
import { createGateway } from "./gateway";
import { createLimits } from "./limits";
import { deleteKeys, redisAvailable, testPrefix, testRedis } from "./limits/testing";
import type { ModelFactory } from "./models";
import { sumUsage } from "./repository";
import { okResult } from "./testing/mock-models";

/**
 * Two gateway instances (two processes' worth: separate Redis clients, config
 * caches and limit objects) sharing one database and one Redis: the budget
 * and the rate limit hold across both, and one instance's answer is the
 * other's cache hit.
 */
let t: TestDb;
let redisUp = false;
const clients: Redis[] = [];
const prefix = testPrefix();

beforeAll(async () => {
  t = await createSqliteTestDb();
  redisUp = await redisAvailable();
});
afterAll(async () => {
  if (clients[0]) await deleteKeys(clients[0], prefix);
  await Promise.all(clients.map((c) => c.quit()));
  await t.drop();
});

function instance(model: MockLanguageModelV3) {
  const redis = testRedis();
  clients.push(redis);
  const models: ModelFactory = {
    language: () => model,
    embedding: () => {
      throw new Error("unused");
    },
  };
  return createGateway({
    db: t.db,
    config: new InferenceConfigCache({ db: t.db, secretKey: randomBytes(32), envProviders: [] }),
    models,
    cache: new RedisResponseCache(redis, `${prefix}cache:`),
    limits: createLimits({
      store: "redis",
      redis,
      prefix: `${prefix}limits:`,
      loadUsed: (b, since) => sumUsage(t.db, { workspaceId: b.workspaceId, userId: b.userId, since, metric: b.metric }),
    }),
  });
}

describe("gateway on Redis, two instances", () => {
  it("shares budgets, rate limits and cached answers", async (ctx) => {
    if (!redisUp) ctx.skip("Redis is not available on this machine");
    const w = await makeWorkspace(t.db, ["admin"]);
    await t.db.modelRoute.create({
      data: { workspaceId: w.ws.id, role: "draft", chain: [{ provider: "offline", model: "offline-composer-v1" }] },
    });
    // Each call reserves its prompt estimate + 100 output tokens; 1,000 tokens fit a handful of calls, not 40.
    await t.db.budget.create({
      data: { workspaceId: w.ws.id, metric: "tokens", period: "day", hardCap: 1000, scope: "*:tokens:day" },
    });
    await t.db.inferenceSettings.create({ data: { workspaceId: w.ws.id, requestsPerMin: 6 } });
    const mk = () =>
      new MockLanguageModelV3({
        modelId: "offline-composer-v1",
        doGenerate: async () => (
          await new Promise((r) => setTimeout(r, 10)),
          okResult("x", { input: 50, output: 100 })
        ),
      });
    const [a, b] = [mk(), mk()];
    const [g1, g2] = [instance(a), instance(b)];
    const call = (g: typeof g1, i: number) =>
      g.generate({
        ctx: { workspaceId: w.ws.id },
        role: "draft",
        prompt: { prompt: `brief ${i}` },
        maxOutputTokens: 100,
        cache: "bypass",
      });

    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => call(i % 2 ? g1 : g2, i)));
    const served = results.filter((r) => r.status === "fulfilled").length;
    // The rate limit (6/min) is the tighter of the two here, shared by both instances.
    expect(served).toBe(6);
    expect(a.doGenerateCalls.length + b.doGenerateCalls.length).toBe(6);
    // Both instances were refused once the shared limit was spent (odd calls went to one, even to the other).
    const refusedBy = new Set(results.flatMap((r, i) => (r.status === "rejected" ? [i % 2] : [])));
    expect(refusedBy).toEqual(new Set([0, 1]));
    expect(await sumUsage(t.db, { workspaceId: w.ws.id, since: new Date(0), metric: "tokens" })).toBeLessThanOrEqual(
      1000,
    );
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code);
    expect(new Set(refused)).toEqual(new Set(["rate_limited:gateway"]));

    // Budget across instances: lift the rate limit (and drop the config caches by using fresh instances).
    await t.db.inferenceSettings.update({ where: { workspaceId: w.ws.id }, data: { requestsPerMin: null } });
    const [c, d] = [mk(), mk()];
    const [g3, g4] = [instance(c), instance(d)];
    const more = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => call(i % 2 ? g3 : g4, 100 + i)));
    expect(
      more.some(
        (r) => r.status === "rejected" && (r as PromiseRejectedResult).reason.code === "rate_limited:budget_exceeded",
      ),
    ).toBe(true);
    expect(await sumUsage(t.db, { workspaceId: w.ws.id, since: new Date(0), metric: "tokens" })).toBeLessThanOrEqual(
      1000,
    );

    // Cache: what one instance stored, the other serves.
    await t.db.budget.deleteMany({ where: { workspaceId: w.ws.id } });
    const [e, f] = [mk(), mk()];
    const [g5, g6] = [instance(e), instance(f)];
    await g5.generate({ ctx: { workspaceId: w.ws.id }, role: "draft", prompt: { prompt: "shared answer" } });
    const hit = await g6.generate({
      ctx: { workspaceId: w.ws.id },
      role: "draft",
      prompt: { prompt: "shared answer" },
    });
    expect(hit.cacheHit).toBe(true);
    expect(f.doGenerateCalls).toHaveLength(0);
  });
});
