import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createSqliteTestDb, type TestDb } from "@/server/testing/databases";
import { makeWorkspace } from "@/server/testing/fixtures";
import { encryptSecret } from "@/server/secrets";
import { MemoryResponseCache } from "./cache";
import { InferenceConfigCache } from "./config";
import { createGateway } from "./gateway";
import { createLimits } from "./limits";
import { createModelFactory } from "./models";

/**
 * The OpenAI-compatible path end to end over HTTP, against a tiny local
 * server speaking the chat-completions wire format (JSON and SSE). This
 * proves the configuration plumbing (base URL, decrypted key, model id,
 * messages, usage, streaming, errors), not a real model.
 */
type Seen = { path: string; auth: string | undefined; body: Record<string, unknown> };
const seen: Seen[] = [];
let script:
  ((s: Seen) => { status: number; headers?: Record<string, string>; body?: string; sse?: string[] }) | undefined;
let server: http.Server;
let baseUrl: string;
let t: TestDb;
const secretKey = randomBytes(32);

function completion(text: string) {
  return JSON.stringify({
    id: "chatcmpl-1",
    object: "chat.completion",
    created: 1,
    model: "llama-test",
    choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }],
    usage: { prompt_tokens: 21, completion_tokens: 4, total_tokens: 25 },
  });
}

function sseChunks(words: string[]) {
  const chunk = (delta: object, finish: string | null = null, usage?: object) =>
    `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, model: "llama-test", choices: usage ? [] : [{ index: 0, delta, finish_reason: finish }], ...(usage ? { usage } : {}) })}\n\n`;
  return [
    chunk({ role: "assistant", content: "" }),
    ...words.map((w) => chunk({ content: w })),
    chunk({}, "stop"),
    chunk({}, null, { prompt_tokens: 9, completion_tokens: words.length, total_tokens: 9 + words.length }),
    "data: [DONE]\n\n",
  ];
}

beforeAll(async () => {
  t = await createSqliteTestDb();
  server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const s: Seen = { path: req.url ?? "", auth: req.headers.authorization, body: raw ? JSON.parse(raw) : {} };
      seen.push(s);
      const r = script?.(s) ?? { status: 200, body: completion("ok") };
      if (r.sse) {
        res.writeHead(200, { "content-type": "text/event-stream", ...r.headers });
        for (const c of r.sse) res.write(c);
        res.end();
        return;
      }
      res.writeHead(r.status, { "content-type": "application/json", ...r.headers });
      res.end(r.body ?? "");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await t.drop();
});

async function setup() {
  const w = await makeWorkspace(t.db, ["admin"]);
  const p = await t.db.providerConfig.create({
    data: {
      workspaceId: w.ws.id,
      kind: "openai_compatible",
      name: "Local llama",
      baseUrl,
      apiKeyCipher: encryptSecret(secretKey, "local-key-9876", `provider:${w.ws.id}`),
      apiKeyLast4: "9876",
      models: ["llama-test"],
    },
  });
  await t.db.modelRoute.create({
    data: {
      workspaceId: w.ws.id,
      role: "draft",
      chain: [
        { provider: p.id, model: "llama-test" },
        { provider: "offline", model: "offline-composer-v1" },
      ],
      timeoutMs: 5000,
      deadlineMs: 20_000,
      maxRetries: 1,
    },
  });
  const gateway = createGateway({
    db: t.db,
    config: new InferenceConfigCache({ db: t.db, secretKey, envProviders: [] }),
    models: createModelFactory(),
    cache: new MemoryResponseCache(10),
    limits: createLimits({ store: "memory", loadUsed: async () => 0 }),
  });
  seen.length = 0;
  return { w, gateway };
}

const prompt = { key: "draft.generic", variables: { workspace: "Northwind", channel: "ad", brief: "Rain jackets" } };

describe("OpenAI-compatible provider over HTTP", () => {
  it("sends the model id, messages and decrypted key; reads text and usage", async () => {
    const { w, gateway } = await setup();
    script = () => ({ status: 200, body: completion("Stay dry out there.") });
    const r = await gateway.generate({ ctx: { workspaceId: w.ws.id }, role: "draft", prompt, maxOutputTokens: 50 });
    expect(r).toMatchObject({
      text: "Stay dry out there.",
      usage: { inputTokens: 21, outputTokens: 4 },
      route: { model: "llama-test", providerKind: "openai_compatible" },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.path).toBe("/v1/chat/completions");
    expect(seen[0]!.auth).toBe("Bearer local-key-9876");
    expect(seen[0]!.body).toMatchObject({ model: "llama-test", max_tokens: 50 });
    const messages = seen[0]!.body.messages as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(messages[1]!.content).toContain("<brief>Rain jackets</brief>");
  });

  it("streams server-sent events", async () => {
    const { w, gateway } = await setup();
    script = () => ({ status: 200, sse: sseChunks(["Dry ", "and ", "warm."]) });
    const s = await gateway.stream({ ctx: { workspaceId: w.ws.id }, role: "draft", prompt });
    let text = "";
    for await (const d of s.textStream) text += d;
    expect(text).toBe("Dry and warm.");
    expect(seen[0]!.body).toMatchObject({ stream: true });
    const row = await t.db.usageEvent.findFirstOrThrow({ where: { workspaceId: w.ws.id } });
    expect(row).toMatchObject({ outcome: "ok", inputTokens: 9, outputTokens: 3 });
  });

  it("retries a 503 honouring Retry-After, and falls back to the offline engine when the server keeps failing", async () => {
    const { w, gateway } = await setup();
    let n = 0;
    script = () =>
      n++ === 0
        ? { status: 503, headers: { "retry-after": "0" }, body: '{"error":{"message":"busy"}}' }
        : { status: 200, body: completion("Second try.") };
    const r = await gateway.generate({ ctx: { workspaceId: w.ws.id }, role: "draft", prompt, cache: "bypass" });
    expect(r).toMatchObject({ text: "Second try.", retries: 1, fallbackUsed: false });

    script = () => ({ status: 500, body: '{"error":{"message":"down"}}' });
    const f = await gateway.generate({ ctx: { workspaceId: w.ws.id }, role: "draft", prompt, cache: "bypass" });
    expect(f.route).toMatchObject({ provider: "offline", offline: true });
    expect(f.fallbackUsed).toBe(true);
  });

  it("treats a malformed body as a failed attempt and a bad key as non-retryable", async () => {
    const { w, gateway } = await setup();
    script = () => ({ status: 200, body: "{ this is not json" });
    const r = await gateway.generate({ ctx: { workspaceId: w.ws.id }, role: "draft", prompt, cache: "bypass" });
    expect(r.route.offline).toBe(true);
    expect(r.attempts[0]).toMatchObject({ model: "llama-test", outcome: "error" });

    script = () => ({ status: 401, body: '{"error":{"message":"bad key"}}' });
    seen.length = 0;
    const a = await gateway.generate({ ctx: { workspaceId: w.ws.id }, role: "draft", prompt, cache: "bypass" });
    expect(seen).toHaveLength(1); // no retry on 401
    expect(a.attempts[0]).toMatchObject({ errorClass: "auth" });
  });

  it("structured output over the wire", async () => {
    const { w, gateway } = await setup();
    script = () => ({ status: 200, body: completion('{"headline":"Built for rain"}') });
    const r = await gateway.generate({
      ctx: { workspaceId: w.ws.id },
      role: "draft",
      prompt,
      schema: z.object({ headline: z.string() }),
    });
    expect(r.output).toEqual({ headline: "Built for rain" });
    expect(seen[0]!.body.response_format).toMatchObject({ type: "json_schema" });
  });
});
