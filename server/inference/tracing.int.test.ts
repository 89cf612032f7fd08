import { randomBytes } from "node:crypto";
import { MockLanguageModelV3, simulateReadableStream } from "ai/test";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createSqliteTestDb, type TestDb } from "@/server/testing/databases";
import { makeWorkspace } from "@/server/testing/workspaces";
import { MemoryResponseCache } from "./cache";
import { InferenceConfigCache } from "./config";
import { createGateway } from "./gateway";
import { createLimits } from "./limits";
import { okResult } from "./testing/mock-models";

let t: TestDb;
beforeAll(async () => {
  t = await createSqliteTestDb();
});
afterAll(async () => {
  await t.drop();
});

it("wraps each call in a span with the route, usage and cache outcome", async () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const w = await makeWorkspace(t.db, ["admin"]);
  const model = new MockLanguageModelV3({
    modelId: "offline-composer-v1",
    doGenerate: okResult("x", { input: 3, output: 2 }),
    doStream: async () => ({
      stream: simulateReadableStream({
        chunks: [
          { type: "text-start", id: "1" },
          { type: "text-delta", id: "1", delta: "y" },
          { type: "text-end", id: "1" },
          {
            type: "finish",
            finishReason: { unified: "stop", raw: "stop" },
            usage: {
              inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
              outputTokens: { total: 1, text: 1, reasoning: 0 },
            },
          },
        ],
      }),
    }),
  });
  const gateway = createGateway({
    db: t.db,
    config: new InferenceConfigCache({ db: t.db, secretKey: randomBytes(32), envProviders: [] }),
    models: {
      language: () => model,
      embedding: () => {
        throw new Error("unused");
      },
    },
    cache: new MemoryResponseCache(10),
    limits: createLimits({ store: "memory", loadUsed: async () => 0 }),
    tracer: provider.getTracer("test"),
  });
  await gateway.generate({
    ctx: { workspaceId: w.ws.id, requestId: "req-span" },
    role: "draft",
    prompt: { prompt: "hello" },
  });
  await gateway.generate({ ctx: { workspaceId: w.ws.id }, role: "draft", prompt: { prompt: "hello" } });
  const s = await gateway.stream({ ctx: { workspaceId: w.ws.id }, role: "draft", prompt: { prompt: "stream me" } });
  for await (const _ of s.textStream);
  const spans = exporter.getFinishedSpans();
  expect(spans.map((s) => s.name)).toEqual([
    "lectern.inference.generate",
    "lectern.inference.generate",
    "lectern.inference.stream",
  ]);
  expect(spans[2]!.attributes).toMatchObject({
    "lectern.role": "draft",
    "gen_ai.request.model": "offline-composer-v1",
  });
  expect(spans[0]!.attributes).toMatchObject({
    "lectern.role": "draft",
    "lectern.request_id": "req-span",
    "gen_ai.request.model": "offline-composer-v1",
    "gen_ai.usage.input_tokens": 3,
    "gen_ai.usage.output_tokens": 2,
    "lectern.cache_hit": false,
  });
  expect(spans[1]!.attributes).toMatchObject({ "lectern.cache_hit": true });
});
