/**
 * When to try a failed delivery again (shared/SPEC.md): immediately, then after 5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h and 10 h — eight attempts over about 28 hours — then dead-letter
 * (an admin replays it). Each wait is jittered by ±20 % so a receiver that comes back after an
 * outage is not hit by every queued delivery in the same second.
 *
 * `Retry-After` (429/502/503/504) is honoured as "not before": the next attempt waits for
 * whichever is later, the receiver's Retry-After or the schedule's next step. Waiting longer than
 * asked still honours the header, and taking the later of the two keeps the eight attempts'
 * ~28-hour span: a receiver under maintenance answering `503 Retry-After: 5` would otherwise
 * burn through all eight attempts in under a minute and dead-letter everything it missed. A
 * Retry-After beyond 10 hours is capped at 10 hours (the schedule's longest step) so a receiver
 * cannot park deliveries indefinitely; it can answer again with another Retry-After.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The wait before attempt n+1 (index n); index 0 is the first attempt. */
export const RETRY_SCHEDULE_MS: readonly number[] = [
  0,
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
];

/** Attempts per round (a replay starts a new round). */
export const MAX_ATTEMPTS = RETRY_SCHEDULE_MS.length;
export const MAX_RETRY_AFTER_MS = 10 * HOUR;
export const JITTER = 0.2;

export type DelayOptions = {
  /** From the receiver's `Retry-After`, when it sent one. */
  retryAfterMs?: number | null;
  random?: () => number;
  /** Another schedule (tests); its length is the number of attempts. */
  schedule?: readonly number[];
};

/**
 * The wait before the next attempt after `attemptsDone` attempts of this round failed, or
 * null when the round is exhausted (dead-letter).
 */
export function nextAttemptDelay(attemptsDone: number, opts: DelayOptions = {}): number | null {
  const schedule = opts.schedule ?? RETRY_SCHEDULE_MS;
  if (attemptsDone >= schedule.length) return null;
  const base = schedule[Math.max(0, attemptsDone)]!;
  const random = opts.random ?? Math.random;
  const jittered = Math.round(base * (1 - JITTER + 2 * JITTER * random()));
  const retryAfter = opts.retryAfterMs == null ? 0 : Math.min(Math.max(0, opts.retryAfterMs), MAX_RETRY_AFTER_MS);
  return Math.max(jittered, retryAfter);
}
