import { generateText } from "ai";
import type { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import type { RouteTarget } from "@/lib/schemas/inference";
import { GatewayError, parseRetryAfter } from "./errors";
import { runRoute, type RoutePolicy } from "./routing";
import { httpError, scriptedModel } from "./testing/mock-models";

const policy: RoutePolicy = { timeoutMs: 1000, deadlineMs: 5000, maxRetries: 2, backoffBaseMs: 1 };
const chain: RouteTarget[] = [
  { provider: "env:openai", model: "primary" },
  { provider: "env:anthropic", model: "second" },
  { provider: "offline", model: "offline-composer-v1" },
];

/** Runs the route with real generateText calls against scripted mock models. */
async function run(
  models: Record<string, MockLanguageModelV3>,
  p: RoutePolicy = policy,
  extra: Parameters<typeof runRoute>[3] = {},
) {
  const waits: number[] = [];
  const served = await runRoute(
    chain,
    p,
    async (t, signal) =>
      (await generateText({ model: models[t.model]!, prompt: "hi", maxRetries: 0, abortSignal: signal })).text,
    { sleep: async (ms) => void waits.push(ms), random: () => 0.5, ...extra },
  );
  return { served, waits };
}

describe("runRoute", () => {
  it("serves from the primary when it works", async () => {
    const { served } = await run({
      primary: scriptedModel("primary", [{ text: "A" }]),
      second: scriptedModel("second", [{ text: "B" }]),
    });
    expect(served).toMatchObject({ value: "A", target: chain[0], retries: 0, fallbackUsed: false });
    expect(served.attempts).toHaveLength(1);
  });

  it("retries retryable errors with backoff, honouring Retry-After, then succeeds on the same model", async () => {
    const primary = scriptedModel("primary", [
      { error: httpError(503) },
      { error: httpError(429, { "retry-after": "2" }) },
      { text: "A" },
    ]);
    const { served, waits } = await run({ primary, second: scriptedModel("second", [{ text: "B" }]) });
    expect(served).toMatchObject({ value: "A", retries: 2, fallbackUsed: false });
    expect(waits).toEqual([1, 2000]); // equal-jitter backoff of 1ms base at random 0.5, then Retry-After: 2 s
    expect(served.attempts.map((a) => a.errorClass ?? "ok")).toEqual(["server_error", "rate_limited", "ok"]);
  });

  it("does not retry non-retryable errors: falls back at once, in chain order", async () => {
    const primary = scriptedModel("primary", [{ error: httpError(401) }]);
    const second = scriptedModel("second", [{ error: httpError(400) }]);
    const offline = scriptedModel("offline-composer-v1", [{ text: "C" }]);
    const { served } = await run({ primary, second, "offline-composer-v1": offline });
    expect(served).toMatchObject({ value: "C", target: chain[2], fallbackUsed: true, retries: 0 });
    expect(served.attempts.map((a) => `${a.model}:${a.errorClass ?? "ok"}`)).toEqual([
      "primary:auth",
      "second:bad_request",
      "offline-composer-v1:ok",
    ]);
    expect(primary.doGenerateCalls).toHaveLength(1);
  });

  it("bounds retries, then falls back", async () => {
    const primary = scriptedModel("primary", [{ error: httpError(500) }]);
    const { served } = await run({ primary, second: scriptedModel("second", [{ text: "B" }]) });
    expect(primary.doGenerateCalls).toHaveLength(3); // 1 + maxRetries
    expect(served).toMatchObject({ value: "B", retries: 2, fallbackUsed: true });
  });

  it("times out a slow attempt and moves on", async () => {
    const primary = scriptedModel("primary", [{ text: "late", delayMs: 2000 }]);
    const { served } = await run(
      { primary, second: scriptedModel("second", [{ text: "B" }]) },
      { ...policy, timeoutMs: 50, maxRetries: 0 },
    );
    expect(served.value).toBe("B");
    expect(served.attempts[0]).toMatchObject({ model: "primary", errorClass: "timeout" });
  });

  it("respects the overall latency budget: no retry that would overrun it", async () => {
    let clock = 0;
    const primary = scriptedModel("primary", [{ error: httpError(429, { "retry-after": "10" }) }]);
    const second = scriptedModel("second", [{ text: "B" }]);
    const { served, waits } = await run(
      { primary, second },
      { ...policy, deadlineMs: 5000 },
      { now: () => clock, sleep: async (ms) => void (clock += ms) },
    );
    expect(waits).toEqual([]); // a 10 s Retry-After does not fit in a 5 s budget: fall back instead of waiting
    expect(served.value).toBe("B");
  });

  it("fails with every attempt listed when the whole chain fails", async () => {
    const bad = (id: string) => scriptedModel(id, [{ error: httpError(503) }]);
    const err = await run(
      { primary: bad("primary"), second: bad("second"), "offline-composer-v1": bad("offline-composer-v1") },
      { ...policy, maxRetries: 1 },
    ).catch((e) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err.attempts).toHaveLength(6);
    expect(err.message).toMatch(/^No model in the route could serve the call\./);
    expect(err.message).toContain("env:openai/primary: server_error");
    expect(err.status).toBe(503);
  });

  it("stops at once when the caller aborts", async () => {
    const ctl = new AbortController();
    const primary = scriptedModel("primary", [{ text: "late", delayMs: 1000 }]);
    const pending = run({ primary, second: scriptedModel("second", [{ text: "B" }]) }, policy, { signal: ctl.signal });
    setTimeout(() => ctl.abort(), 20);
    const err = await pending.catch((e) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err.errorClass).toBe("aborted");
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds, HTTP dates and retry-after-ms", () => {
    expect(parseRetryAfter({ "Retry-After": "3" })).toBe(3000);
    expect(parseRetryAfter({ "retry-after-ms": "150" })).toBe(150);
    expect(parseRetryAfter({ "retry-after": new Date(10_000).toUTCString() }, 4000)).toBe(6000);
    expect(parseRetryAfter({ "retry-after": "soon" })).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});
