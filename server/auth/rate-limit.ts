import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/server/env";

/**
 * Sign-in attempts, limited per email and per client address. In-process
 * memory: correct for one instance; several instances each keep their own
 * count (see README, "Scaling out").
 */
const g = globalThis as unknown as { __lecternSignInLimiter?: RateLimiterMemory };

function limiter() {
  const { maxAttempts, windowSeconds } = env().signIn;
  g.__lecternSignInLimiter ??= new RateLimiterMemory({
    keyPrefix: "signin",
    points: maxAttempts,
    duration: windowSeconds,
  });
  return g.__lecternSignInLimiter;
}

/** Consumes one attempt for each key; returns seconds to wait when any key is exhausted. */
export async function consumeSignInAttempt(
  keys: string[],
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  let wait = 0;
  for (const key of keys) {
    try {
      await limiter().consume(key);
    } catch (e) {
      if (e instanceof RateLimiterRes) wait = Math.max(wait, Math.ceil(e.msBeforeNext / 1000));
      else throw e;
    }
  }
  return wait > 0 ? { ok: false, retryAfterSeconds: wait } : { ok: true };
}

/** A successful sign-in clears the per-email counter (the per-address one keeps counting). */
export async function resetSignInAttempts(key: string): Promise<void> {
  await limiter().delete(key);
}
