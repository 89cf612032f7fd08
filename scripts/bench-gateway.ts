/**
 * npm run bench:gateway — prints the gateway's figures (not a test: numbers
 * depend on the machine). Real SQLite ledger in a temp file, zero-latency
 * AI SDK mock models, in-memory cache and limits.
 */
import { randomBytes } from "node:crypto";
import { generateText } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { MemoryResponseCache } from "@/server/inference/cache";
import { InferenceConfigCache } from "@/server/inference/config";
import { createGateway } from "@/server/inference/gateway";
import { createLimits } from "@/server/inference/limits";
import { benchLimits } from "@/server/inference/limits/bench";
import type { ModelFactory } from "@/server/inference/models";
import { okResult } from "@/server/inference/testing/mock-models";
import { createSqliteTestDb } from "@/server/testing/databases";
import { makeWorkspace } from "@/server/testing/workspaces";

const N = Number(process.env.BENCH_CALLS ?? 10_000);

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function timeEach(n: number, fn: (i: number) => Promise<unknown>) {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}

async function main() {
  const t = await createSqliteTestDb();
  const w = await makeWorkspace(t.db, ["admin"]);
  const secretKey = randomBytes(32);
  await t.db.modelRoute.create({
    data: { workspaceId: w.ws.id, role: "draft", chain: [{ provider: "offline", model: "offline-composer-v1" }] },
  });
  const instant = new MockLanguageModelV3({
    modelId: "offline-composer-v1",
    doGenerate: async () => okResult("x", { input: 5, output: 1 }),
  });
  let slow = false;
  const delayed = new MockLanguageModelV3({
    modelId: "offline-composer-v1",
    doGenerate: async () => (await new Promise((r) => setTimeout(r, 200)), okResult("x")),
  });
  const models: ModelFactory = {
    language: () => (slow ? delayed : instant),
    embedding: () => {
      throw new Error("unused");
    },
  };
  const gateway = createGateway({
    db: t.db,
    config: new InferenceConfigCache({ db: t.db, secretKey, envProviders: [] }),
    models,
    cache: new MemoryResponseCache(100_000),
    limits: createLimits({ store: "memory", loadUsed: async () => 0 }),
  });
  const ctx = { workspaceId: w.ws.id };
  // Warm up JIT, prompt and config caches.
  for (let i = 0; i < 200; i++) {
    await generateText({ model: instant, prompt: "warm" });
    await gateway.generate({ ctx, role: "draft", prompt: { prompt: `warm ${i}` }, cache: "bypass" });
  }

  const direct = await timeEach(N, () => generateText({ model: instant, prompt: "hello", maxRetries: 0 }));
  const viaGateway = await timeEach(N, (i) =>
    gateway.generate({ ctx, role: "draft", prompt: { prompt: `hello ${i}` }, cache: "bypass" }),
  );
  await gateway.generate({ ctx, role: "draft", prompt: { prompt: "cached" } });
  const hits = await timeEach(N, () => gateway.generate({ ctx, role: "draft", prompt: { prompt: "cached" } }));

  slow = true;
  const before = await t.db.usageEvent.count({ where: { workspaceId: w.ws.id } });
  const t0 = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: 200 }, (_, i) =>
      gateway.generate({ ctx, role: "draft", prompt: { prompt: `concurrent ${i}` }, cache: "bypass" }),
    ),
  );
  const concurrentMs = performance.now() - t0;
  const rows = (await t.db.usageEvent.count({ where: { workspaceId: w.ws.id } })) - before;
  const limits = await benchLimits(N);

  const f = (x: number) => x.toFixed(3);
  const table = [
    ["measure", "p50 ms", "p95 ms", "note"],
    ["direct AI SDK call (zero-latency mock)", f(pct(direct, 50)), f(pct(direct, 95)), `${N} calls`],
    [
      "through the gateway (cache bypass)",
      f(pct(viaGateway, 50)),
      f(pct(viaGateway, 95)),
      "includes the SQLite ledger insert",
    ],
    [
      "gateway overhead (difference)",
      f(pct(viaGateway, 50) - pct(direct, 50)),
      f(pct(viaGateway, 95) - pct(direct, 95)),
      "target ≤ 1 ms p95",
    ],
    ["cache hit", f(pct(hits, 50)), f(pct(hits, 95)), "target ≤ 1 ms p95 (includes the ledger row)"],
    ["limits reserve+settle (memory)", f(limits.p50Ms), f(limits.p95Ms), `${limits.calls} calls`],
    [
      "200 concurrent calls, 200 ms mock",
      f(concurrentMs),
      "",
      `total wall time; ok ${results.filter((r) => r.status === "fulfilled").length}/200; ledger rows ${rows} (must be 200)`,
    ],
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  for (const r of table) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join("  "));
  await t.drop();
  if (rows !== 200) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
