/**
 * Budget behaviour shared by the memory (*.test.ts) and Redis (*.int.test.ts)
 * suites. Not a test file itself; each suite calls defineBudgetSuite().
 */
import { describe, expect, it, vi } from "vitest";
import { BudgetExceededError } from "./errors";
import type { Limits } from "./limits";
import type { Budget, LoadUsed } from "./types";

export interface MakeOptions {
  loadUsed?: LoadUsed;
  now?: () => Date;
  reservationTtlMs?: number;
}

/** Returns a new limits instance; instances made within one test share state when the store is shared (Redis). */
export type MakeLimits = (opts?: MakeOptions) => Limits;

export function clock(iso = "2026-11-21T10:00:00Z") {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
    set: (next: string) => {
      t = new Date(next).getTime();
    },
  };
}

export const wsTokens = (hardCap: number | null, softCap: number | null = null): Budget => ({
  workspaceId: "ws-northwind",
  label: "Northwind Outdoor",
  metric: "tokens",
  period: "day",
  hardCap,
  softCap,
});

export const wsCost = (hardCap: number | null, softCap: number | null = null): Budget => ({
  workspaceId: "ws-northwind",
  label: "Northwind Outdoor",
  metric: "cost",
  period: "month",
  hardCap,
  softCap,
});

export const userTokens = (hardCap: number | null): Budget => ({
  workspaceId: "ws-northwind",
  userId: "user-ada",
  label: "Ada Lovelace",
  metric: "tokens",
  period: "day",
  hardCap,
});

const zero: LoadUsed = async () => 0;
const est = (tokens: number, costMicros = 0) => ({ estimate: { tokens, costMicros } });

export function defineBudgetSuite(name: string, make: MakeLimits, opts: { skip?: () => boolean } = {}) {
  describe.skipIf(opts.skip?.() ?? false)(name, () => {
    it("100 simultaneous reserves against a cap allowing 10: exactly 10 succeed", async () => {
      const loadUsed = vi.fn(zero);
      const limits = make({ loadUsed });
      const budgets = [wsTokens(10 * 700)];
      const results = await Promise.all(Array.from({ length: 100 }, () => limits.reserve({ budgets, ...est(700) })));
      expect(results.filter((r) => r.ok)).toHaveLength(10);
      const refused = results.filter((r) => !r.ok);
      expect(refused).toHaveLength(90);
      expect(refused.every((r) => !r.ok && r.error.code === "budget_exceeded")).toBe(true);
      const [u] = await limits.usage(budgets);
      expect(u?.used).toBe(0);
      expect(u?.reserved).toBe(7000);
      expect(loadUsed).toHaveBeenCalledTimes(1);
    });

    it("loadUsed runs once per budget-period key under concurrency, and its value counts", async () => {
      const loadUsed = vi.fn<LoadUsed>(async (b) => {
        await new Promise((r) => setTimeout(r, 20));
        return b.metric === "tokens" ? 500 : 1_000;
      });
      // A fixed clock: the period asserted below must not depend on the day the suite runs.
      const limits = make({ loadUsed, now: clock().now });
      const budgets = [wsTokens(1_000), wsCost(null)];
      const results = await Promise.all(Array.from({ length: 20 }, () => limits.reserve({ budgets, ...est(100, 5) })));
      expect(results.filter((r) => r.ok)).toHaveLength(5);
      expect(loadUsed).toHaveBeenCalledTimes(2);
      const call = loadUsed.mock.calls.find((c) => c[0].metric === "tokens");
      expect(call?.[1].toISOString()).toBe("2026-11-21T00:00:00.000Z");
      expect(call?.[2].toISOString()).toBe("2026-11-22T00:00:00.000Z");
      const [tok, cost] = await limits.usage(budgets);
      expect(tok).toMatchObject({ used: 500, reserved: 500 });
      expect(cost).toMatchObject({ used: 1_000, reserved: 25 });
    });

    it("settle with a lower or higher actual adjusts used; release frees", async () => {
      const limits = make();
      const budgets = [wsTokens(10_000), wsCost(1_000_000)];
      const a = await limits.reserve({ budgets, ...est(4_000, 300_000) });
      const b = await limits.reserve({ budgets, ...est(4_000, 300_000) });
      const c = await limits.reserve({ budgets, ...est(4_000, 300_000) });
      expect(a.ok && b.ok).toBe(true);
      expect(c.ok).toBe(false);
      if (!a.ok || !b.ok) return;

      const sa = await limits.settle(a.reservation, { tokens: 1_500, costMicros: 120_000 });
      expect(sa.usage[0]).toMatchObject({ used: 1_500, reserved: 4_000 });
      expect(sa.usage[1]).toMatchObject({ used: 120_000, reserved: 300_000 });
      expect(sa.expired).toBe(false);

      // Over the estimate (and over the cap): recorded anyway, the call already happened.
      const sb = await limits.settle(b.reservation, { tokens: 9_000, costMicros: 950_000 });
      expect(sb.usage[0]).toMatchObject({ used: 10_500, reserved: 0 });
      expect(sb.usage[1]).toMatchObject({ used: 1_070_000, reserved: 0 });
      const refused = await limits.reserve({ budgets, ...est(1, 1) });
      expect(refused.ok).toBe(false);

      // Settling twice changes nothing.
      const again = await limits.settle(b.reservation, { tokens: 9_000, costMicros: 950_000 });
      expect(again.duplicate).toBe(true);
      expect((await limits.usage(budgets))[0]?.used).toBe(10_500);
    });

    it("release frees the reservation", async () => {
      const limits = make();
      const budgets = [wsTokens(1_000)];
      const a = await limits.reserve({ budgets, ...est(1_000) });
      expect(a.ok).toBe(true);
      expect((await limits.reserve({ budgets, ...est(1) })).ok).toBe(false);
      if (a.ok) await limits.release(a.reservation);
      expect((await limits.usage(budgets))[0]).toMatchObject({ used: 0, reserved: 0 });
      expect((await limits.reserve({ budgets, ...est(1_000) })).ok).toBe(true);
    });

    it("an expired reservation stops counting; settling it later still records usage", async () => {
      const c = clock();
      const limits = make({ now: c.now, reservationTtlMs: 60_000 });
      const budgets = [wsTokens(1_000)];
      const a = await limits.reserve({ budgets, ...est(800) });
      expect(a.ok).toBe(true);
      expect((await limits.reserve({ budgets, ...est(800) })).ok).toBe(false);
      c.advance(60_001);
      expect((await limits.usage(budgets))[0]).toMatchObject({ used: 0, reserved: 0 });
      const b = await limits.reserve({ budgets, ...est(800) });
      expect(b.ok).toBe(true);
      if (!a.ok) return;
      const s = await limits.settle(a.reservation, { tokens: 100, costMicros: 0 });
      expect(s.expired).toBe(true);
      expect(s.usage[0]).toMatchObject({ used: 100, reserved: 800 });
    });

    it("reports a soft-cap crossing exactly once per period", async () => {
      const limits = make({ now: clock().now });
      const budgets = [wsTokens(10_000, 2_000)];
      const warnings: string[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await limits.reserve({ budgets, ...est(1_000) });
        if (!r.ok) throw r.error;
        warnings.push(...r.warnings.map((w) => w.message));
        const s = await limits.settle(r.reservation, { tokens: 900, costMicros: 0 });
        warnings.push(...s.warnings.map((w) => w.message));
        expect(s.usage[0]?.overSoftCap).toBe(900 * (i + 1) >= 2_000);
      }
      expect(warnings).toEqual([
        "Daily token budget for workspace Northwind Outdoor reached its soft cap: 2,700 tokens used of 2,000 tokens (hard cap 10,000 tokens) in 2026-11-21.",
      ]);
    });

    it("reports the soft cap at reserve time when loaded history is already past it", async () => {
      const limits = make({ loadUsed: async () => 3_000 });
      const r = await limits.reserve({ budgets: [wsTokens(null, 2_000)], ...est(10) });
      expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["soft_cap_reached"]);
      const r2 = await limits.reserve({ budgets: [wsTokens(null, 2_000)], ...est(10) });
      expect(r2.ok && r2.warnings).toEqual([]);
    });

    it("hard-cap refusal names the budget with a message an admin can act on", async () => {
      const c = clock("2026-11-21T10:00:00Z");
      const limits = make({ now: c.now, loadUsed: async () => 49_800_000 });
      const r = await limits.reserve({ budgets: [wsCost(50_000_000)], ...est(1_000, 400_000) });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error).toBeInstanceOf(BudgetExceededError);
      expect(r.error.message).toBe(
        "Monthly cost budget for workspace Northwind Outdoor is exhausted: $49.80 of $50.00 used, this call needs up to $0.40. Raise the budget in Settings → Models or wait until 2026-12-01.",
      );
      expect(r.error).toMatchObject({
        code: "budget_exceeded",
        scope: "workspace",
        metric: "cost",
        period: "month",
        cap: 50_000_000,
        used: 49_800_000,
        reserved: 0,
        requested: 400_000,
      });
      expect(r.error.resetsAt.toISOString()).toBe("2026-12-01T00:00:00.000Z");
      expect(r.error.retryAfterMs).toBe(new Date("2026-12-01T00:00:00Z").getTime() - c.now().getTime());
      expect(r.error.toJSON()).toMatchObject({
        code: "budget_exceeded",
        label: "Northwind Outdoor",
        periodKey: "2026-11",
      });
    });

    it("multiple budgets are all-or-nothing: the user budget blocks and nothing lands on the workspace one", async () => {
      const limits = make();
      const budgets = [wsTokens(100_000), userTokens(1_000)];
      const first = await limits.reserve({ budgets, ...est(800) });
      expect(first.ok).toBe(true);
      const second = await limits.reserve({ budgets, ...est(800) });
      expect(second.ok).toBe(false);
      if (second.ok) return;
      expect(second.error.scope).toBe("user");
      expect(second.error.message).toMatch(
        /^Daily token budget for user Ada Lovelace is exhausted: 800 of 1,000 tokens used \(including 800 tokens reserved by calls in progress\), this call needs up to 800 tokens\./,
      );
      const [ws, user] = await limits.usage(budgets);
      expect(ws).toMatchObject({ used: 0, reserved: 800 });
      expect(user).toMatchObject({ used: 0, reserved: 800 });
      // Another user of the same workspace is unaffected by Ada's budget.
      const other = await limits.reserve({ budgets: [wsTokens(100_000)], ...est(800) });
      expect(other.ok).toBe(true);
    });

    it("a new period starts from zero (day and month, UTC)", async () => {
      const c = clock("2026-11-30T23:59:00Z");
      const loadUsed = vi.fn(zero);
      const limits = make({ now: c.now, loadUsed });
      const budgets = [wsTokens(1_000), wsCost(5_000)];
      const a = await limits.reserve({ budgets, ...est(1_000, 5_000) });
      expect(a.ok).toBe(true);
      if (a.ok) await limits.settle(a.reservation, { tokens: 1_000, costMicros: 5_000 });
      expect((await limits.reserve({ budgets, ...est(1, 1) })).ok).toBe(false);
      c.set("2026-12-01T00:00:01Z");
      const b = await limits.reserve({ budgets, ...est(1_000, 5_000) });
      expect(b.ok).toBe(true);
      if (b.ok) expect(b.reservation.windows.map((w) => w.key)).toEqual(["2026-12-01", "2026-12"]);
      expect(loadUsed).toHaveBeenCalledTimes(4);
    });

    it("a call settling after midnight counts in the period it was admitted in", async () => {
      const c = clock("2026-11-21T23:59:59Z");
      const limits = make({ now: c.now });
      const budgets = [wsTokens(1_000)];
      const a = await limits.reserve({ budgets, ...est(500) });
      c.advance(5_000);
      if (a.ok) await limits.settle(a.reservation, { tokens: 400, costMicros: 0 });
      expect((await limits.usage(budgets))[0]).toMatchObject({ used: 0, reserved: 0 });
      c.set("2026-11-21T12:00:00Z");
      expect((await limits.usage(budgets))[0]).toMatchObject({ used: 400, reserved: 0 });
    });

    it("a zero amount is never refused; budgets without a hard cap never refuse", async () => {
      const limits = make({ loadUsed: async () => 5_000 });
      const r = await limits.reserve({ budgets: [wsTokens(1_000), wsCost(1)], ...est(0, 0) });
      expect(r.ok).toBe(true);
      const r2 = await limits.reserve({ budgets: [wsTokens(null)], ...est(10 ** 12) });
      expect(r2.ok).toBe(true);
    });

    it("rejects invalid input", async () => {
      const limits = make();
      await expect(limits.reserve({ budgets: [wsTokens(10)], ...est(1.5) })).rejects.toThrow(TypeError);
      await expect(limits.reserve({ budgets: [wsTokens(10), wsTokens(20)], ...est(1) })).rejects.toThrow(/Duplicate/);
      await expect(
        limits.reserve({ budgets: [wsTokens(10), { ...userTokens(10), workspaceId: "other" }], ...est(1) }),
      ).rejects.toThrow(/same workspace/);
    });

    it("a failing loadUsed fails the call and is retried next time", async () => {
      let fail = true;
      const limits = make({
        loadUsed: async () => {
          if (fail) throw new Error("ledger down");
          return 0;
        },
      });
      await expect(limits.reserve({ budgets: [wsTokens(10)], ...est(1) })).rejects.toThrow("ledger down");
      fail = false;
      expect((await limits.reserve({ budgets: [wsTokens(10)], ...est(1) })).ok).toBe(true);
    });
  });
}
