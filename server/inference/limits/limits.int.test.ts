import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createLimits, type Limits } from "./limits";
import { defineRateSuite, wsRate } from "./rate-suite";
import { clock, defineBudgetSuite, userTokens, wsTokens, type MakeOptions } from "./suite";
import { deleteKeys, redisAvailable, testPrefix, testRedis } from "./testing";
import type { LoadUsed } from "./types";

const available = await redisAvailable();

// Two independent connections = two gateway instances sharing one Redis.
let clients: Redis[] = [];
let prefix = "";
let turn = 0;

beforeAll(() => {
  if (available) clients = [testRedis(), testRedis()];
});
beforeEach(() => {
  prefix = testPrefix();
});
afterEach(async () => {
  if (available) await deleteKeys(clients[0]!, prefix);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.quit()));
});

/** Each call builds a new limits instance on the next client (alternating), same prefix within a test. */
const make = (o: MakeOptions = {}): Limits =>
  createLimits({ store: "redis", redis: clients[turn++ % 2]!, prefix, loadUsed: async () => 0, ...o });

defineBudgetSuite("budgets (redis store)", make, { skip: () => !available });
defineRateSuite("rate limits (redis)", () => make(), { skip: () => !available });

describe.skipIf(!available)("redis: two instances share limits", () => {
  it("100 simultaneous reserves split over two instances against a cap allowing 10: exactly 10 succeed", async () => {
    const loadUsed = vi.fn<LoadUsed>(async () => 0);
    const a = make({ loadUsed });
    const b = make({ loadUsed });
    const budgets = [wsTokens(10 * 1_234), userTokens(1_000_000)];
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        (i % 2 ? a : b).reserve({ budgets, estimate: { tokens: 1_234, costMicros: 0 } }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    const [ws, user] = await a.usage(budgets);
    expect(ws).toMatchObject({ used: 0, reserved: 12_340 });
    expect(user).toMatchObject({ used: 0, reserved: 12_340 });
    // At most one history load per key per instance.
    expect(loadUsed.mock.calls.length).toBeLessThanOrEqual(4);

    // Settle everything across instances; used is exact.
    await Promise.all(
      results.map((r, i) => (r.ok ? (i % 2 ? a : b).settle(r.reservation, { tokens: 1_000, costMicros: 0 }) : null)),
    );
    expect((await b.usage(budgets))[0]).toMatchObject({ used: 10_000, reserved: 0 });
  });

  it("instances agree on the initial value (first writer wins, SET NX)", async () => {
    const a = make({ loadUsed: async () => 700 });
    const b = make({ loadUsed: async () => 100 });
    const budgets = [wsTokens(2_000)];
    const [ra, rb] = await Promise.all([
      a.reserve({ budgets, estimate: { tokens: 200, costMicros: 0 } }),
      b.reserve({ budgets, estimate: { tokens: 200, costMicros: 0 } }),
    ]);
    expect(ra.ok && rb.ok).toBe(true);
    const [ua] = await a.usage(budgets);
    const [ub] = await b.usage(budgets);
    expect(ua).toEqual(ub);
    expect([700, 100]).toContain(ua?.used);
  });

  it("a reservation from a crashed instance expires for everyone", async () => {
    const c = clock();
    const crashed = make({ now: c.now, reservationTtlMs: 30_000 });
    const alive = make({ now: c.now, reservationTtlMs: 30_000 });
    const budgets = [wsTokens(1_000)];
    expect((await crashed.reserve({ budgets, estimate: { tokens: 1_000, costMicros: 0 } })).ok).toBe(true);
    expect((await alive.reserve({ budgets, estimate: { tokens: 1, costMicros: 0 } })).ok).toBe(false);
    c.advance(30_001);
    expect((await alive.reserve({ budgets, estimate: { tokens: 1_000, costMicros: 0 } })).ok).toBe(true);
  });

  it("expiry works with the real clock and a short TTL", async () => {
    const limits = make({ reservationTtlMs: 200 });
    const budgets = [wsTokens(1_000)];
    expect((await limits.reserve({ budgets, estimate: { tokens: 1_000, costMicros: 0 } })).ok).toBe(true);
    expect((await limits.reserve({ budgets, estimate: { tokens: 1, costMicros: 0 } })).ok).toBe(false);
    await new Promise((r) => setTimeout(r, 250));
    expect((await limits.reserve({ budgets, estimate: { tokens: 1_000, costMicros: 0 } })).ok).toBe(true);
  });

  it("the soft cap is reported once across instances", async () => {
    const a = make();
    const b = make();
    const budgets = [wsTokens(null, 1_000)];
    let warnings = 0;
    for (let i = 0; i < 6; i++) {
      const inst = i % 2 ? a : b;
      const r = await inst.reserve({ budgets, estimate: { tokens: 300, costMicros: 0 } });
      if (!r.ok) throw r.error;
      warnings += r.warnings.length;
      warnings += (await inst.settle(r.reservation, { tokens: 300, costMicros: 0 })).warnings.length;
    }
    expect(warnings).toBe(1);
  });

  it("counter keys carry the prefix, the workspace hash tag and an expiry after the period", async () => {
    const limits = make();
    const r = await limits.reserve({ budgets: [wsTokens(1_000)], estimate: { tokens: 10, costMicros: 0 } });
    expect(r.ok).toBe(true);
    const keys = await clients[0]!.keys(`${prefix}*`);
    expect(keys.sort()).toEqual([
      `${prefix}{ws-northwind}:budget:ws:tokens:day:${r.ok ? r.reservation.windows[0]!.key : ""}`,
      `${prefix}{ws-northwind}:budget:ws:tokens:day:${r.ok ? r.reservation.windows[0]!.key : ""}:exp`,
    ]);
    for (const k of keys) expect(await clients[0]!.pttl(k)).toBeGreaterThan(0);
  });

  it("rate limits are shared across two instances", async () => {
    const a = make();
    const b = make();
    const l = [wsRate(10, 50_000)];
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).checkRate({ limits: l, tokens: 100 })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.error.retryAfterMs).toBeGreaterThan(0);

    const c = make();
    const d = make();
    const t = [wsRate(null, 10_000)];
    expect((await c.checkRate({ limits: t, tokens: 6_000 })).ok).toBe(true);
    const r = await d.checkRate({ limits: t, tokens: 6_000 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.kind).toBe("tpm");
  });
});
