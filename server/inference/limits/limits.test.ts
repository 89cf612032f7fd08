import { describe, expect, it, vi } from "vitest";
import { formatMicros } from "./errors";
import { createLimits } from "./limits";
import { periodWindow } from "./periods";
import { defineBudgetSuite, wsTokens, type MakeOptions } from "./suite";

const make = (o: MakeOptions = {}) => createLimits({ store: "memory", loadUsed: async () => 0, ...o });

defineBudgetSuite("budgets (memory store)", make);

describe("memory store specifics", () => {
  it("expiry works with fake timers and the default clock", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-21T10:00:00Z") });
    try {
      const limits = make();
      const budgets = [wsTokens(1_000)];
      expect((await limits.reserve({ budgets, estimate: { tokens: 1_000, costMicros: 0 } })).ok).toBe(true);
      vi.advanceTimersByTime(9 * 60_000);
      expect((await limits.reserve({ budgets, estimate: { tokens: 1, costMicros: 0 } })).ok).toBe(false);
      vi.advanceTimersByTime(60_001);
      expect((await limits.reserve({ budgets, estimate: { tokens: 1_000, costMicros: 0 } })).ok).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("separate memory instances do not share counters", async () => {
    const a = make();
    const b = make();
    const budgets = [wsTokens(10)];
    expect((await a.reserve({ budgets, estimate: { tokens: 10, costMicros: 0 } })).ok).toBe(true);
    expect((await b.reserve({ budgets, estimate: { tokens: 10, costMicros: 0 } })).ok).toBe(true);
  });
});

describe("periods and formatting", () => {
  it("computes UTC day and month windows", () => {
    const at = new Date("2026-12-31T23:30:00-02:00"); // 2027-01-01T01:30Z
    expect(periodWindow("day", at)).toMatchObject({ key: "2027-01-01" });
    const m = periodWindow("month", new Date("2026-11-21T10:00:00Z"));
    expect(m.key).toBe("2026-11");
    expect(m.start.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(m.end.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(periodWindow("month", new Date("2026-12-05T00:00:00Z")).end.toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("formats micro-dollars without floats", () => {
    expect(formatMicros(49_800_000)).toBe("$49.80");
    expect(formatMicros(400_000)).toBe("$0.40");
    expect(formatMicros(1_234_567_000_000)).toBe("$1,234,567.00");
    expect(formatMicros(10_001)).toBe("$0.02");
    expect(formatMicros(1_999_999)).toBe("$2.00");
    expect(formatMicros(420)).toBe("$0.00042");
    expect(formatMicros(0)).toBe("$0.00");
  });
});
