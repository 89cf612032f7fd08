/**
 * Thompson sampling over Bernoulli arms, pure and seedable.
 *
 * Each arm's true rate gets a Beta(1 + successes, 1 + failures) posterior (a uniform prior).
 * To assign a unit we draw one sample from every posterior and pick the largest: an arm is
 * chosen with the probability that it is the best, so traffic drifts to the winner while
 * uncertain arms still get explored. Two guardrails keep this honest on small data:
 *  - until every arm has `minSamples` impressions, assignment is uniform (no early shifts on noise);
 *  - afterwards, with probability `floor × arms` the pick is uniform, so each arm keeps ≥ `floor`.
 */

import { mulberry32 } from "@/lib/random";

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

export type ArmStats = { key: string; impressions: number; successes: number };
export type BanditPolicy = { minSamples: number; floor: number };
export type Choice = { key: string; reason: "guardrail" | "floor" | "thompson" };

/** mulberry32 (lib/random.ts): small, fast, good enough for sampling; deterministic for tests and the UI. */
export const seededRng: (seed: number) => Rng = mulberry32;

/** A 32-bit seed from a string (FNV-1a), e.g. an experiment id for stable UI estimates. */
export function seedFrom(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function sampleNormal(rng: Rng): number {
  // Box–Muller; 1 - u keeps log away from 0.
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000); shape < 1 via the Gamma(shape + 1)·U^(1/shape) boost. */
export function sampleGamma(shape: number, rng: Rng): number {
  if (!(shape > 0)) throw new RangeError(`gamma shape must be > 0, got ${shape}`);
  if (shape < 1) return sampleGamma(shape + 1, rng) * Math.pow(1 - rng(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function sampleBeta(a: number, b: number, rng: Rng): number {
  const x = sampleGamma(a, rng);
  const y = sampleGamma(b, rng);
  return x / (x + y);
}

/** Posterior parameters; successes are clamped to impressions (outcomes may arrive for unassigned units). */
export function posterior(arm: ArmStats): { alpha: number; beta: number } {
  const n = Math.max(0, arm.impressions);
  const s = Math.min(Math.max(0, arm.successes), n);
  return { alpha: 1 + s, beta: 1 + n - s };
}

export function inGuardrail(arms: readonly ArmStats[], minSamples: number): boolean {
  return arms.some((a) => a.impressions < minSamples);
}

/** The effective floor: never more than a uniform split. */
function floorShare(arms: readonly ArmStats[], floor: number): number {
  return Math.min(Math.max(0, floor), 1 / arms.length);
}

function argmaxDraw(arms: readonly ArmStats[], rng: Rng): number {
  let best = 0;
  let bestDraw = -1;
  arms.forEach((arm, i) => {
    const { alpha, beta } = posterior(arm);
    const d = sampleBeta(alpha, beta, rng);
    if (d > bestDraw) {
      bestDraw = d;
      best = i;
    }
  });
  return best;
}

/** Picks the arm for one new unit. */
export function chooseArm(arms: readonly ArmStats[], policy: BanditPolicy, rng: Rng): Choice {
  if (arms.length === 0) throw new RangeError("an experiment needs arms");
  const uniform = () => arms[Math.min(arms.length - 1, Math.floor(rng() * arms.length))]!.key;
  if (inGuardrail(arms, policy.minSamples)) return { key: uniform(), reason: "guardrail" };
  if (rng() < floorShare(arms, policy.floor) * arms.length) return { key: uniform(), reason: "floor" };
  return { key: arms[argmaxDraw(arms, rng)]!.key, reason: "thompson" };
}

/** P(arm is best) by Monte Carlo over the posteriors; sums to 1. */
export function probabilityBest(arms: readonly ArmStats[], rng: Rng, draws = 2000): Record<string, number> {
  const wins = arms.map(() => 0);
  for (let i = 0; i < draws; i++) wins[argmaxDraw(arms, rng)]!++;
  return Object.fromEntries(arms.map((a, i) => [a.key, wins[i]! / draws]));
}

/**
 * The share of new units each arm gets now: uniform in the guardrail phase, otherwise
 * floor + (1 − floor·arms) · P(best), which is exactly what `chooseArm` does in expectation.
 */
export function trafficShares(
  arms: readonly ArmStats[],
  policy: BanditPolicy,
  pBest: Record<string, number>,
): Record<string, number> {
  if (arms.length === 0) return {};
  if (inGuardrail(arms, policy.minSamples)) return Object.fromEntries(arms.map((a) => [a.key, 1 / arms.length]));
  const f = floorShare(arms, policy.floor);
  return Object.fromEntries(arms.map((a) => [a.key, f + (1 - f * arms.length) * (pBest[a.key] ?? 0)]));
}
