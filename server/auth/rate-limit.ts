import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/server/env";

/**
 * Failed sign-in attempts, counted per email (SIGNIN_MAX_ATTEMPTS per window)
 * and per client address (20× that, so one office behind a NAT is not locked
 * out by a colleague). Only failures count; a success clears the email's
 * counter. In-process memory: exact for one instance; with several instances
 * each keeps its own count (see README, "Scaling out").
 */
const IP_FACTOR = 20;

type Limiters = { email: RateLimiterMemory; ip: RateLimiterMemory };
const g = globalThis as unknown as { __lecternSignInLimiters?: Limiters };

function limiters(): Limiters {
  const { maxAttempts, windowSeconds } = env().signIn;
  g.__lecternSignInLimiters ??= {
    email: new RateLimiterMemory({ keyPrefix: "signin-email", points: maxAttempts, duration: windowSeconds }),
    ip: new RateLimiterMemory({ keyPrefix: "signin-ip", points: maxAttempts * IP_FACTOR, duration: windowSeconds }),
  };
  return g.__lecternSignInLimiters;
}

export type AttemptKeys = { email: string; ip: string };

/** Seconds to wait before another attempt is allowed, or 0. Does not count anything. */
export async function signInBlockedFor(keys: AttemptKeys): Promise<number> {
  const l = limiters();
  const [e, i] = await Promise.all([l.email.get(keys.email), l.ip.get(keys.ip)]);
  const wait = (r: RateLimiterRes | null, points: number) =>
    r && r.consumedPoints >= points ? Math.ceil(r.msBeforeNext / 1000) : 0;
  return Math.max(wait(e, l.email.points), wait(i, l.ip.points));
}

export async function recordFailedSignIn(keys: AttemptKeys): Promise<void> {
  const l = limiters();
  // consume() rejects once a key is over its budget; that is expected here.
  await Promise.allSettled([l.email.consume(keys.email), l.ip.consume(keys.ip)]);
}

export async function recordSuccessfulSignIn(keys: AttemptKeys): Promise<void> {
  await limiters().email.delete(keys.email);
}
