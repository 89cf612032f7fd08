import { randomBytes } from "node:crypto";
import { MockLanguageModelV3 } from "ai/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Db } from "@/server/db/client";
import { createSqliteTestDb, type TestDb } from "@/server/testing/databases";
import { makeWorkspace } from "@/server/testing/fixtures";
import { MemoryResponseCache } from "./cache";
import { InferenceConfigCache } from "./config";
import { createGateway, estimateTokens } from "./gateway";
import { BUILTIN_PROMPTS } from "./prompts/builtin";
import { renderPrompt } from "./prompts/render";
import { createLimits } from "./limits";
import type { ModelFactory } from "./models";
import { sumUsage } from "./repository";
import { createTestProvider, httpError, okResult, scriptedModel } from "./testing/mock-models";

let t: TestDb;
beforeAll(async () => {
  t = await createSqliteTestDb();
});
afterAll(async () => {
  await t.drop();
});

const secretKey = randomBytes(32);

/** A workspace with one OpenAI-compatible provider offering models a, b, c, and a draft route a → b. */
async function setup(
  opts: {
    budgets?: { metric: "tokens" | "cost"; period: "day" | "month"; hardCap: number; softCap?: number }[];
    rpm?: number;
  } = {},
) {
  const db: Db = t.db;
  const w = await makeWorkspace(db, ["admin", "marketer"]);
  const provider = await createTestProvider(db, w.ws.id, secretKey, ["model-a", "model-b", "model-c"]);
  await db.modelRoute.create({
    data: {
      workspaceId: w.ws.id,
      role: "draft",
      chain: [
        { provider: provider.id, model: "model-a" },
        { provider: provider.id, model: "model-b" },
      ],
      timeoutMs: 2000,
      deadlineMs: 10_000,
      maxRetries: 1,
    },
  });
  await db.modelPrice.create({
    data: { workspaceId: w.ws.id, model: "model-a", inputMicrosPer1M: 1_000_000, outputMicrosPer1M: 2_000_000 },
  });
  for (const b of opts.budgets ?? [])
    await db.budget.create({ data: { workspaceId: w.ws.id, ...b, scope: `*:${b.metric}:${b.period}` } });
  if (opts.rpm) await db.inferenceSettings.create({ data: { workspaceId: w.ws.id, requestsPerMin: opts.rpm } });
  return { w, provider };
}

function gatewayWith(models: Record<string, MockLanguageModelV3>) {
  const seenKeys: string[] = [];
  const factory: ModelFactory = {
    language: (p, id) => {
      seenKeys.push(p.apiKey ?? "");
      const m = models[id];
      if (!m) throw new Error(`no mock for ${id}`);
      return m;
    },
    embedding: () => {
      throw new Error("not used");
    },
  };
  const limits = createLimits({
    store: "memory",
    loadUsed: (b, since) => sumUsage(t.db, { workspaceId: b.workspaceId, userId: b.userId, since, metric: b.metric }),
  });
  const gateway = createGateway({
    db: t.db,
    config: new InferenceConfigCache({ db: t.db, secretKey, envProviders: [] }),
    models: factory,
    cache: new MemoryResponseCache(100),
    limits,
  });
  return { gateway, seenKeys };
}

const draftPrompt = (brief: string) => ({
  key: "draft.generic",
  variables: { workspace: "Northwind", channel: "ad", brief },
});

describe("gateway.generate", () => {
  it("serves from the primary, decrypts the provider key, prices the call and writes one ledger row with the prompt version", async () => {
    const { w } = await setup();
    const a = new MockLanguageModelV3({
      modelId: "model-a",
      doGenerate: okResult("Trail-ready boots.", { input: 1000, output: 500 }),
    });
    const { gateway, seenKeys } = gatewayWith({ "model-a": a });
    const r = await gateway.generate({
      ctx: { workspaceId: w.ws.id, userId: w.members.marketer!.id, requestId: "req-1" },
      role: "draft",
      prompt: draftPrompt("Boots for wet trails"),
    });
    expect(r).toMatchObject({
      text: "Trail-ready boots.",
      cacheHit: false,
      fallbackUsed: false,
      retries: 0,
      costMicros: 2000,
      usage: { inputTokens: 1000, outputTokens: 500 },
    });
    expect(r.route).toMatchObject({ model: "model-a", providerKind: "openai_compatible", offline: false });
    expect(r.prompt).toMatchObject({ key: "draft.generic", version: 1, label: "production" });
    expect(seenKeys).toEqual(["sk-test-1234"]);
    // The prompt reached the model with the brief as quoted data.
    expect(JSON.stringify(a.doGenerateCalls[0]!.prompt)).toContain("<brief>Boots for wet trails</brief>");

    const rows = await t.db.usageEvent.findMany({ where: { workspaceId: w.ws.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: r.ledgerId,
      userId: w.members.marketer!.id,
      role: "draft",
      model: "model-a",
      promptKey: "draft.generic",
      promptVersionId: r.prompt!.id,
      inputTokens: 1000,
      outputTokens: 500,
      costMicros: 2000,
      cacheHit: false,
      outcome: "ok",
      requestId: "req-1",
    });
  });

  it("answers the same request from the cache (no model call, cache-hit ledger row); bypass goes to the model", async () => {
    const { w } = await setup();
    const a = new MockLanguageModelV3({ modelId: "model-a", doGenerate: okResult("Once.") });
    const { gateway } = gatewayWith({ "model-a": a });
    const req = { ctx: { workspaceId: w.ws.id }, role: "draft" as const, prompt: draftPrompt("Same brief") };
    await gateway.generate(req);
    const second = await gateway.generate(req);
    expect(second).toMatchObject({ text: "Once.", cacheHit: true, costMicros: 0 });
    expect(a.doGenerateCalls).toHaveLength(1);
    await gateway.generate({ ...req, cache: "bypass" });
    expect(a.doGenerateCalls).toHaveLength(2);
    await gateway.generate({ ...req, prompt: draftPrompt("Another brief") });
    expect(a.doGenerateCalls).toHaveLength(3);
    const hits = await t.db.usageEvent.findMany({ where: { workspaceId: w.ws.id }, orderBy: { createdAt: "asc" } });
    expect(hits.map((h) => h.cacheHit)).toEqual([false, true, false, false]);
  });

  it("retries, falls back along the chain and records which route served it", async () => {
    const { w } = await setup();
    const a = scriptedModel("model-a", [{ error: httpError(503) }, { error: httpError(503) }]);
    const b = scriptedModel("model-b", [{ text: "From B." }]);
    const { gateway } = gatewayWith({ "model-a": a, "model-b": b });
    const r = await gateway.generate({
      ctx: { workspaceId: w.ws.id },
      role: "draft",
      prompt: draftPrompt("x"),
      cache: "bypass",
    });
    expect(r).toMatchObject({ text: "From B.", fallbackUsed: true, retries: 1 });
    expect(r.route.model).toBe("model-b");
    const row = await t.db.usageEvent.findUniqueOrThrow({ where: { id: r.ledgerId } });
    expect(row).toMatchObject({ model: "model-b", fallbackUsed: true, retries: 1, outcome: "ok" });
    expect(row.attempts).toEqual([
      expect.objectContaining({ model: "model-a", errorClass: "server_error" }),
      expect.objectContaining({ model: "model-a", errorClass: "server_error" }),
      expect.objectContaining({ model: "model-b", outcome: "ok" }),
    ]);
  });

  it("fails with a typed error and an error ledger row when every model fails; nothing is cached", async () => {
    const { w } = await setup();
    const { gateway } = gatewayWith({
      "model-a": scriptedModel("model-a", [{ error: httpError(401) }]),
      "model-b": scriptedModel("model-b", [{ error: httpError(500) }]),
    });
    const err = await gateway
      .generate({ ctx: { workspaceId: w.ws.id }, role: "draft", prompt: draftPrompt("x") })
      .catch((e) => e);
    expect(err.status).toBe(503);
    expect(err.message).toContain("model-a: auth");
    const rows = await t.db.usageEvent.findMany({ where: { workspaceId: w.ws.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: "error", errorClass: "server_error", inputTokens: 0, costMicros: 0 });
  });

  it("refuses before the call when a hard cap would be exceeded, naming the budget, and records the refusal", async () => {
    const { w } = await setup({ budgets: [{ metric: "tokens", period: "month", hardCap: 500 }] });
    const a = new MockLanguageModelV3({ modelId: "model-a", doGenerate: okResult("x") });
    const { gateway } = gatewayWith({ "model-a": a });
    const err = await gateway
      .generate({ ctx: { workspaceId: w.ws.id }, role: "draft", prompt: draftPrompt("x") })
      .catch((e) => e);
    expect(err.code).toBe("rate_limited:budget_exceeded");
    expect(err.message).toMatch(/token budget/i);
    expect(err.message).toContain(w.ws.name);
    expect(a.doGenerateCalls).toHaveLength(0);
    const rows = await t.db.usageEvent.findMany({ where: { workspaceId: w.ws.id } });
    expect(rows.map((r) => [r.outcome, r.errorClass])).toEqual([["refused", "budget_exceeded"]]);
  });

  it("never overspends under concurrency: 100 simultaneous calls against a cap that allows 10", async () => {
    const { w } = await setup();
    // The reservation of one call: its rendered prompt's token estimate + maxOutputTokens.
    const builtin = BUILTIN_PROMPTS.find((p) => p.key === "draft.generic")!;
    const rendered = renderPrompt({ ...builtin, version: 1 }, draftPrompt("same brief").variables);
    const estimate = estimateTokens(rendered.system) + estimateTokens(rendered.prompt) + 100;
    await t.db.budget.create({
      data: { workspaceId: w.ws.id, metric: "tokens", period: "day", hardCap: estimate * 10, scope: "*:tokens:day" },
    });
    const a = new MockLanguageModelV3({
      modelId: "model-a",
      doGenerate: async () => {
        await new Promise((r) => setTimeout(r, 20));
        return okResult("x", { input: estimate - 100, output: 100 });
      },
    });
    const { gateway } = gatewayWith({ "model-a": a });
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () =>
        gateway.generate({
          ctx: { workspaceId: w.ws.id },
          role: "draft",
          prompt: draftPrompt("same brief"),
          maxOutputTokens: 100,
          cache: "bypass",
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    expect(a.doGenerateCalls).toHaveLength(10);
    expect(await sumUsage(t.db, { workspaceId: w.ws.id, since: new Date(0), metric: "tokens" })).toBe(estimate * 10);
    // Every call has exactly one ledger row: 10 served, 90 refused.
    const rows = await t.db.usageEvent.groupBy({ by: ["outcome"], where: { workspaceId: w.ws.id }, _count: true });
    expect(Object.fromEntries(rows.map((r) => [r.outcome, r._count]))).toEqual({ ok: 10, refused: 90 });
  });

  it("applies requests-per-minute limits with a Retry-After", async () => {
    const { w } = await setup({ rpm: 2 });
    const { gateway } = gatewayWith({
      "model-a": new MockLanguageModelV3({ modelId: "model-a", doGenerate: okResult("x") }),
    });
    const call = (i: number) =>
      gateway.generate({ ctx: { workspaceId: w.ws.id }, role: "draft", prompt: draftPrompt(`rpm ${i}`) });
    await call(1);
    await call(2);
    const err = await call(3).catch((e) => e);
    expect(err.status).toBe(429);
    expect(Number(err.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("structured output: retries once with the validation error, then fails clearly", async () => {
    const { w } = await setup();
    const schema = z.object({ headline: z.string().max(30) });
    const a = scriptedModel("model-a", [
      { text: '{"headline": 42}' },
      { text: '{"headline": "Dry feet, every mile"}' },
    ]);
    const { gateway } = gatewayWith({ "model-a": a });
    const r = await gateway.generate({
      ctx: { workspaceId: w.ws.id },
      role: "draft",
      prompt: draftPrompt("json"),
      schema,
    });
    expect(r.output).toEqual({ headline: "Dry feet, every mile" });
    expect(a.doGenerateCalls).toHaveLength(2);
    expect(JSON.stringify(a.doGenerateCalls[1]!.prompt)).toContain("did not match the required JSON schema");

    const bad = scriptedModel("model-a", [{ text: "not json" }]);
    const badB = scriptedModel("model-b", [{ text: '{"headline": "This headline is far too long for an ad"}' }]);
    const { gateway: g2 } = gatewayWith({ "model-a": bad, "model-b": badB });
    const err = await g2
      .generate({ ctx: { workspaceId: w.ws.id }, role: "draft", prompt: draftPrompt("json2"), schema })
      .catch((e) => e);
    expect(err.errorClass).toBe("invalid_output");
    expect(err.message).toContain("did not match the schema");
    expect(bad.doGenerateCalls).toHaveLength(2);
    expect(badB.doGenerateCalls).toHaveLength(2);
  });

  it("explains a route that points at a missing provider or model", async () => {
    const { w } = await setup();
    await t.db.modelRoute.update({
      where: { workspaceId_role: { workspaceId: w.ws.id, role: "draft" } },
      data: { chain: [{ provider: "env:openai", model: "gpt-4o-mini" }] },
    });
    const { gateway } = gatewayWith({});
    const err = await gateway
      .generate({ ctx: { workspaceId: w.ws.id }, role: "draft", prompt: draftPrompt("x") })
      .catch((e) => e);
    expect(err.message).toBe(
      "The draft route has no usable model: env:openai/gpt-4o-mini is missing, disabled or not offered by the provider. Fix the route in Settings → Models.",
    );
  });

  it("refuses unknown or missing prompt variables with a clear message", async () => {
    const { w } = await setup();
    const { gateway } = gatewayWith({});
    await expect(
      gateway.generate({
        ctx: { workspaceId: w.ws.id },
        role: "draft",
        prompt: { key: "draft.generic", variables: { workspace: "N", channel: "ad" } },
      }),
    ).rejects.toThrow("missing brief");
    await expect(
      gateway.generate({ ctx: { workspaceId: w.ws.id }, role: "draft", prompt: { key: "nope.prompt", variables: {} } }),
    ).rejects.toThrow('No prompt nope.prompt with the label "production"');
  });
});

describe("gateway.stream", () => {
  it("streams text, then writes the ledger row with the real usage", async () => {
    const { w } = await setup();
    const { simulateReadableStream } = await import("ai/test");
    const a = new MockLanguageModelV3({
      modelId: "model-a",
      doStream: async () => ({
        stream: simulateReadableStream({
          chunks: [
            { type: "stream-start", warnings: [] },
            { type: "text-start", id: "1" },
            { type: "text-delta", id: "1", delta: "Dry " },
            { type: "text-delta", id: "1", delta: "feet." },
            { type: "text-end", id: "1" },
            {
              type: "finish",
              finishReason: { unified: "stop", raw: "stop" },
              usage: {
                inputTokens: { total: 7, noCache: 7, cacheRead: 0, cacheWrite: 0 },
                outputTokens: { total: 2, text: 2, reasoning: 0 },
              },
            },
          ],
        }),
      }),
    });
    const { gateway } = gatewayWith({ "model-a": a });
    const s = await gateway.stream({ ctx: { workspaceId: w.ws.id }, role: "draft", prompt: draftPrompt("stream") });
    let text = "";
    for await (const d of s.textStream) text += d;
    expect(text).toBe("Dry feet.");
    const row = await t.db.usageEvent.findFirstOrThrow({ where: { workspaceId: w.ws.id } });
    expect(row).toMatchObject({ outcome: "ok", inputTokens: 7, outputTokens: 2, model: "model-a" });
  });
});
