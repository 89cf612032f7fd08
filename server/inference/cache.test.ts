import { describe, expect, it } from "vitest";
import { cacheKey, canonicalJson, MemoryResponseCache, type CachedResponse } from "./cache";

const base = {
  workspaceId: "ws1",
  chain: [{ provider: "offline" as const, model: "offline-composer-v1" }],
  messages: [{ role: "user", content: "hello" }],
  params: { temperature: 0.2, maxOutputTokens: 100 },
  promptVersionId: "v1",
};
const value: CachedResponse = {
  text: "hi",
  usage: { inputTokens: 1, outputTokens: 1 },
  target: base.chain[0]!,
  providerKind: "offline",
  storedAt: "t",
};

describe("cacheKey", () => {
  it("is stable under key order and changes with anything that can change the answer", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(
      '{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}',
    );
    const k = cacheKey(base);
    expect(cacheKey({ ...base, params: { maxOutputTokens: 100, temperature: 0.2 } })).toBe(k);
    for (const change of [
      { workspaceId: "ws2" },
      { chain: [{ provider: "env:openai" as const, model: "gpt-4o-mini" }] },
      { messages: [{ role: "user", content: "hello!" }] },
      { params: { temperature: 0.3, maxOutputTokens: 100 } },
      { promptVersionId: "v2" },
      { schema: { type: "object" } },
    ]) {
      expect(cacheKey({ ...base, ...change })).not.toBe(k);
    }
  });
});

describe("MemoryResponseCache", () => {
  it("hits within the TTL, misses after it, and evicts the least recently used", async () => {
    {
      const c = new MemoryResponseCache(2);
      await c.set("a", value, 0.05);
      expect(await c.get("a")).toEqual(value);
      await new Promise((r) => setTimeout(r, 80));
      expect(await c.get("a")).toBeUndefined();
      await c.set("x", value, 100);
      await c.set("y", value, 100);
      await c.get("x");
      await c.set("z", value, 100);
      expect(await c.get("y")).toBeUndefined();
      expect(await c.get("x")).toEqual(value);
    }
  });
});
