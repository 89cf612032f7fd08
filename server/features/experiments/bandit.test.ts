import { describe, expect, it } from "vitest";
import {
  chooseArm,
  inGuardrail,
  posterior,
  probabilityBest,
  sampleBeta,
  sampleGamma,
  seededRng,
  trafficShares,
  type ArmStats,
} from "./bandit";

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const variance = (xs: number[]) => {
  const m = mean(xs);
  return mean(xs.map((x) => (x - m) ** 2));
};

describe("samplers", () => {
  it("is deterministic with a seed and differs across seeds", () => {
    const a = seededRng(42);
    const b = seededRng(42);
    const c = seededRng(43);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("draws Gamma and Beta with the right moments (shape above and below 1)", () => {
    const rng = seededRng(7);
    const g = Array.from({ length: 20_000 }, () => sampleGamma(3, rng));
    expect(mean(g)).toBeCloseTo(3, 1);
    expect(variance(g)).toBeGreaterThan(2.7);
    expect(variance(g)).toBeLessThan(3.3);
    const small = Array.from({ length: 20_000 }, () => sampleGamma(0.5, rng));
    expect(mean(small)).toBeGreaterThan(0.46);
    expect(mean(small)).toBeLessThan(0.54);
    // Beta(3, 7): mean 0.3, variance 21 / (100 · 11) ≈ 0.0191.
    const b = Array.from({ length: 20_000 }, () => sampleBeta(3, 7, rng));
    expect(mean(b)).toBeCloseTo(0.3, 2);
    expect(variance(b)).toBeCloseTo(0.0191, 3);
    expect(b.every((x) => x > 0 && x < 1)).toBe(true);
    expect(() => sampleGamma(0, rng)).toThrow(RangeError);
  });

  it("builds Beta(1 + s, 1 + n − s) posteriors, clamping stray successes", () => {
    expect(posterior({ key: "a", impressions: 100, successes: 6 })).toEqual({ alpha: 7, beta: 95 });
    expect(posterior({ key: "a", impressions: 3, successes: 9 })).toEqual({ alpha: 4, beta: 1 });
    expect(posterior({ key: "a", impressions: 0, successes: 0 })).toEqual({ alpha: 1, beta: 1 });
  });
});

describe("chooseArm", () => {
  const policy = { minSamples: 100, floor: 0.05 };

  it("is the same sequence for the same seed", () => {
    const arms: ArmStats[] = [
      { key: "a", impressions: 500, successes: 10 },
      { key: "b", impressions: 500, successes: 30 },
    ];
    const run = (seed: number) => {
      const rng = seededRng(seed);
      return Array.from({ length: 50 }, () => chooseArm(arms, policy, rng).key).join("");
    };
    expect(run(1)).toBe(run(1));
  });

  it("stays uniform until every arm has minSamples impressions, however lopsided the data", () => {
    // Arm c is short of the minimum, so even a 50% vs 0% split must not shift traffic.
    const arms: ArmStats[] = [
      { key: "a", impressions: 1000, successes: 500 },
      { key: "b", impressions: 1000, successes: 0 },
      { key: "c", impressions: 99, successes: 0 },
    ];
    expect(inGuardrail(arms, 100)).toBe(true);
    const rng = seededRng(3);
    const counts: Record<string, number> = { a: 0, b: 0, c: 0 };
    const reasons = new Set<string>();
    for (let i = 0; i < 30_000; i++) {
      const c = chooseArm(arms, policy, rng);
      reasons.add(c.reason);
      counts[c.key]!++;
    }
    expect([...reasons]).toEqual(["guardrail"]);
    for (const k of ["a", "b", "c"]) expect(counts[k]! / 30_000).toBeCloseTo(1 / 3, 1);
    expect(trafficShares(arms, policy, { a: 1, b: 0, c: 0 })).toEqual({ a: 1 / 3, b: 1 / 3, c: 1 / 3 });
  });

  it("keeps the floor for an arm that is clearly worse", () => {
    const arms: ArmStats[] = [
      { key: "a", impressions: 10_000, successes: 1000 },
      { key: "b", impressions: 10_000, successes: 100 },
    ];
    const rng = seededRng(11);
    let b = 0;
    const n = 40_000;
    for (let i = 0; i < n; i++) if (chooseArm(arms, { minSamples: 100, floor: 0.05 }, rng).key === "b") b++;
    // P(best) of b is ~0, so b gets exactly the floor: 5% (± sampling noise).
    expect(b / n).toBeGreaterThan(0.045);
    expect(b / n).toBeLessThan(0.055);
    const shares = trafficShares(arms, policy, probabilityBest(arms, seededRng(1)));
    expect(shares.b).toBeCloseTo(0.05, 3);
    expect(shares.a).toBeCloseTo(0.95, 3);
  });

  it("converges on the clearly better arm in a simulation (CTR 2% vs 6%)", () => {
    const trueRate: Record<string, number> = { a: 0.02, b: 0.06 };
    const arms: ArmStats[] = [
      { key: "a", impressions: 0, successes: 0 },
      { key: "b", impressions: 0, successes: 0 },
    ];
    const rng = seededRng(2024);
    const world = seededRng(99);
    const late: Record<string, number> = { a: 0, b: 0 };
    const rounds = 6000;
    for (let t = 0; t < rounds; t++) {
      const { key } = chooseArm(arms, policy, rng);
      const arm = arms.find((a) => a.key === key)!;
      arm.impressions++;
      if (world() < trueRate[key]!) arm.successes++;
      if (t >= rounds - 2000) late[key]!++;
    }
    // The guardrail gave each arm its 100 impressions first.
    expect(arms.every((a) => a.impressions >= 100)).toBe(true);
    // In the last 2,000 rounds the 6% arm gets most of the traffic, the 2% arm about its floor.
    expect(late.b! / 2000).toBeGreaterThan(0.85);
    expect(late.a! / 2000).toBeGreaterThan(0.03);
    const p = probabilityBest(arms, seededRng(5));
    expect(p.b).toBeGreaterThan(0.95);
  });
});

describe("probabilityBest", () => {
  it("sums to 1, is even for identical arms and favours the better arm", () => {
    const same: ArmStats[] = [
      { key: "a", impressions: 200, successes: 10 },
      { key: "b", impressions: 200, successes: 10 },
      { key: "c", impressions: 200, successes: 10 },
    ];
    const p = probabilityBest(same, seededRng(8), 6000);
    expect(Object.values(p).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 10);
    for (const k of ["a", "b", "c"]) expect(p[k]).toBeCloseTo(1 / 3, 1);
    const q = probabilityBest(
      [
        { key: "a", impressions: 1000, successes: 20 },
        { key: "b", impressions: 1000, successes: 60 },
      ],
      seededRng(8),
    );
    expect(q.b).toBeGreaterThan(0.99);
    expect(q.a! + q.b!).toBeCloseTo(1, 10);
  });

  it("is reproducible with the same seed", () => {
    const arms: ArmStats[] = [
      { key: "a", impressions: 30, successes: 3 },
      { key: "b", impressions: 30, successes: 4 },
    ];
    expect(probabilityBest(arms, seededRng(1))).toEqual(probabilityBest(arms, seededRng(1)));
  });
});
