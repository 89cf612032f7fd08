import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextAttemptDelay, RETRY_SCHEDULE_MS } from "./schedule";

const mid = () => 0.5;
const H = 3_600_000;

describe("nextAttemptDelay", () => {
  it("follows the spec's schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after the first attempt", () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect(RETRY_SCHEDULE_MS[0]).toBe(0);
    const waits = [1, 2, 3, 4, 5, 6, 7].map((done) => nextAttemptDelay(done, { random: mid }));
    expect(waits).toEqual([5_000, 300_000, 1_800_000, 2 * H, 5 * H, 10 * H, 10 * H]);
  });

  it("gives up after eight attempts", () => {
    expect(nextAttemptDelay(8, { random: mid })).toBeNull();
    expect(nextAttemptDelay(9, { random: mid })).toBeNull();
  });

  it("jitters each wait by ±20 %", () => {
    expect(nextAttemptDelay(2, { random: () => 0 })).toBe(240_000);
    expect(nextAttemptDelay(2, { random: () => 0.999999 })).toBe(360_000);
    const seen = new Set(Array.from({ length: 50 }, () => nextAttemptDelay(3)));
    expect(seen.size).toBeGreaterThan(1);
    for (const w of seen) {
      expect(w).toBeGreaterThanOrEqual(1_440_000);
      expect(w).toBeLessThanOrEqual(2_160_000);
    }
  });

  it("waits at least as long as Retry-After asks, capped at 10 hours", () => {
    expect(nextAttemptDelay(1, { random: mid, retryAfterMs: 120_000 })).toBe(120_000);
    // Shorter than the schedule's step: the schedule wins (still "not before" the header).
    expect(nextAttemptDelay(3, { random: mid, retryAfterMs: 1_000 })).toBe(1_800_000);
    expect(nextAttemptDelay(1, { random: mid, retryAfterMs: 3 * 24 * H })).toBe(10 * H);
    expect(nextAttemptDelay(1, { random: mid, retryAfterMs: -5 })).toBe(5_000);
    // Retry-After does not add attempts.
    expect(nextAttemptDelay(8, { random: mid, retryAfterMs: 1_000 })).toBeNull();
  });

  it("takes another schedule (tests), whose length is the attempt budget", () => {
    const schedule = [0, 0, 0];
    expect(nextAttemptDelay(1, { schedule })).toBe(0);
    expect(nextAttemptDelay(2, { schedule })).toBe(0);
    expect(nextAttemptDelay(3, { schedule })).toBeNull();
  });
});
