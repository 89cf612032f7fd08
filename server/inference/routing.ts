import type { RouteTarget } from "@/lib/schemas/inference";
import { classifyError, GatewayError, isRetryable, type Attempt, type ClassifiedError } from "./errors";

export type RoutePolicy = {
  /** Per-attempt timeout. */
  timeoutMs: number;
  /** Overall latency budget: no new attempt starts after it, and a running one is cut at it. */
  deadlineMs: number;
  /** Retries of the same model on retryable errors (429, 5xx, timeouts, network). */
  maxRetries: number;
  /** Backoff base; attempt n waits base * 2^n with full jitter, or Retry-After when given. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
};

export type Served<T> = { value: T; target: RouteTarget; attempts: Attempt[]; retries: number; fallbackUsed: boolean };

type Deps = { sleep?: (ms: number, signal?: AbortSignal) => Promise<void>; random?: () => number; now?: () => number };

/**
 * Runs `attempt` against the primary target, retrying retryable failures
 * with bounded backoff, then against each fallback in order. Returns the
 * first success with the route that served it, or throws a GatewayError that
 * lists every attempt. A caller abort stops everything at once.
 */
export async function runRoute<T>(
  chain: RouteTarget[],
  policy: RoutePolicy,
  attempt: (target: RouteTarget, signal: AbortSignal) => Promise<T>,
  opts: { signal?: AbortSignal } & Deps = {},
): Promise<Served<T>> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? abortableSleep;
  const random = opts.random ?? Math.random;
  const started = now();
  const deadline = started + policy.deadlineMs;
  const attempts: Attempt[] = [];
  let retries = 0;
  let last: ClassifiedError | undefined;

  for (const [i, target] of chain.entries()) {
    for (let n = 0; n <= policy.maxRetries; n++) {
      const remaining = deadline - now();
      if (remaining <= 0) break;
      if (opts.signal?.aborted) throw new GatewayError("aborted", "The call was cancelled.", attempts);
      const timeoutMs = Math.min(policy.timeoutMs, remaining);
      const ctl = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        ctl.abort(new DOMException("per-attempt timeout", "TimeoutError"));
      }, timeoutMs);
      const onAbort = () => ctl.abort(opts.signal?.reason);
      opts.signal?.addEventListener("abort", onAbort, { once: true });
      const t0 = now();
      try {
        const value = await attempt(target, ctl.signal);
        attempts.push({ provider: target.provider, model: target.model, outcome: "ok", ms: now() - t0 });
        return { value, target, attempts, retries, fallbackUsed: i > 0 };
      } catch (e) {
        last = classifyError(e, { timedOut, callerAborted: Boolean(opts.signal?.aborted) });
        attempts.push({
          provider: target.provider,
          model: target.model,
          outcome: "error",
          errorClass: last.errorClass,
          ms: now() - t0,
        });
        if (last.errorClass === "aborted") throw new GatewayError("aborted", last.message, attempts);
        if (!isRetryable(last.errorClass) || n === policy.maxRetries) break;
        const wait = last.retryAfterMs ?? backoff(n, policy, random);
        if (now() + wait >= deadline) break; // waiting would blow the latency budget: fall back instead
        retries++;
        try {
          await sleep(wait, opts.signal);
        } catch {
          throw new GatewayError("aborted", "The call was cancelled.", attempts);
        }
      } finally {
        clearTimeout(timer);
        opts.signal?.removeEventListener("abort", onAbort);
      }
    }
  }
  const tried = attempts.map((a) => `${a.provider}/${a.model}: ${a.errorClass}`).join("; ");
  const budgetSpent = now() - started >= policy.deadlineMs;
  throw new GatewayError(
    last?.errorClass ?? "timeout",
    `No model in the route could serve the call${budgetSpent ? " within the latency budget" : ""}. ${last?.message ?? ""} Attempts: ${tried || "none"}.`.trim(),
    attempts,
  );
}

function backoff(n: number, p: RoutePolicy, random: () => number): number {
  const cap = Math.min(p.backoffMaxMs ?? 8000, (p.backoffBaseMs ?? 250) * 2 ** n);
  return Math.round(cap / 2 + (random() * cap) / 2); // "equal jitter": never zero, never more than the cap
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(t);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
