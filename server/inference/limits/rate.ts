import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { RateLimitedError, type RateKind } from "./errors";
import type { RateCheckRequest, RateLimit, RateTicket } from "./types";

type Limiter = Pick<RateLimiterAbstract, "consume" | "penalty" | "reward">;

interface Consumed {
  limiter: Limiter;
  key: string;
  kind: RateKind;
  points: number;
  /** Wall-clock end of the fixed window the points went into (rate-limiter-flexible uses real time). */
  windowEndsAt: number;
}

export type RateResult = { ok: true; ticket: RateTicket } | { ok: false; error: RateLimitedError };

export interface RateLimiterSet {
  check(req: RateCheckRequest): Promise<RateResult>;
  adjust(ticket: RateTicket, actualTokens: number): Promise<void>;
  cancel(ticket: RateTicket): Promise<void>;
}

const WINDOW_SECONDS = 60;

export function rateKey(limit: RateLimit): string {
  const ws = encodeURIComponent(limit.workspaceId);
  return limit.userId === undefined ? `ws:${ws}` : `u:${ws}:${encodeURIComponent(limit.userId)}`;
}

/**
 * Requests- and tokens-per-minute limits on rate-limiter-flexible fixed
 * one-minute windows. A call consumes on every applicable limiter; if any
 * refuses, the points taken by this call are given back on all of them, so a
 * refused call does not eat into the next caller's allowance.
 */
export function createRateLimiterSet(opts: {
  store: "memory" | "redis";
  redis?: Redis;
  prefix: string;
  settingsHint: string;
}): RateLimiterSet {
  // rate-limiter-flexible fixes `points` per limiter instance, so keep one per (kind, limit value).
  // For Redis all instances of a kind share keys, so changing a limit keeps the current window's count.
  const limiters = new Map<string, Limiter>();
  const limiterFor = (kind: RateKind, points: number): Limiter => {
    const id = `${kind}:${points}`;
    let l = limiters.get(id);
    if (!l) {
      const keyPrefix = `${opts.prefix}rl:${kind}`;
      l =
        opts.store === "redis"
          ? new RateLimiterRedis({ storeClient: opts.redis, keyPrefix, points, duration: WINDOW_SECONDS })
          : new RateLimiterMemory({ keyPrefix, points, duration: WINDOW_SECONDS });
      limiters.set(id, l);
    }
    return l;
  };

  const tickets = new WeakMap<RateTicket, Consumed[]>();

  async function giveBack(consumed: readonly Consumed[]) {
    const now = Date.now();
    await Promise.all(
      consumed.filter((c) => c.points > 0 && now < c.windowEndsAt).map((c) => c.limiter.reward(c.key, c.points)),
    );
  }

  return {
    async check(req) {
      if (!Number.isSafeInteger(req.tokens) || req.tokens < 0) {
        throw new TypeError(`tokens must be a non-negative integer, got ${req.tokens}`);
      }
      const plan: { limit: RateLimit; kind: RateKind; max: number; points: number }[] = [];
      for (const limit of req.limits) {
        if (limit.rpm != null) plan.push({ limit, kind: "rpm", max: limit.rpm, points: 1 });
        if (limit.tpm != null && req.tokens > 0) plan.push({ limit, kind: "tpm", max: limit.tpm, points: req.tokens });
      }
      for (const p of plan) {
        if (!Number.isSafeInteger(p.max) || p.max < 0) throw new TypeError(`${p.kind} must be a non-negative integer`);
        if (p.points > p.max) {
          // This call alone is larger than the limit: waiting cannot help.
          const retryable = false;
          return {
            ok: false,
            error: new RateLimitedError({
              ...p,
              requested: p.points,
              retryAfterMs: 0,
              retryable,
              settingsHint: opts.settingsHint,
            }),
          };
        }
      }
      const started = Date.now();
      const outcomes = await Promise.allSettled(
        plan.map((p) => limiterFor(p.kind, p.max).consume(rateKey(p.limit), p.points)),
      );
      const consumed: Consumed[] = [];
      let refusal: { index: number; res: RateLimiterRes } | undefined;
      let failure: unknown;
      outcomes.forEach((o, index) => {
        const p = plan[index]!;
        const base = { limiter: limiterFor(p.kind, p.max), key: rateKey(p.limit), kind: p.kind, points: p.points };
        if (o.status === "fulfilled") {
          consumed.push({ ...base, windowEndsAt: started + o.value.msBeforeNext });
        } else if (o.reason instanceof RateLimiterRes) {
          // rate-limiter-flexible increments even when it refuses; give those points back too.
          consumed.push({ ...base, windowEndsAt: started + o.reason.msBeforeNext });
          if (!refusal || o.reason.msBeforeNext > refusal.res.msBeforeNext) refusal = { index, res: o.reason };
        } else {
          failure ??= o.reason;
        }
      });
      if (failure !== undefined || refusal) {
        await giveBack(consumed);
        if (failure !== undefined) throw failure;
      }
      if (refusal) {
        const p = plan[refusal.index]!;
        return {
          ok: false,
          error: new RateLimitedError({
            ...p,
            requested: p.points,
            retryAfterMs: Math.max(1, refusal.res.msBeforeNext),
            retryable: true,
            settingsHint: opts.settingsHint,
          }),
        };
      }
      const ticket: RateTicket = { id: randomUUID(), tokens: req.tokens, limits: req.limits };
      tickets.set(ticket, consumed);
      return { ok: true, ticket };
    },

    async adjust(ticket, actualTokens) {
      const consumed = tickets.get(ticket);
      if (!consumed) return;
      tickets.delete(ticket);
      if (!Number.isSafeInteger(actualTokens) || actualTokens < 0) {
        throw new TypeError(`actualTokens must be a non-negative integer, got ${actualTokens}`);
      }
      const now = Date.now();
      const diff = actualTokens - ticket.tokens;
      const tpm = consumed.filter((c) => c.kind === "tpm");
      if (diff > 0) {
        // Extra tokens count against the current window (conservative even if the call straddled windows).
        const limits = ticket.limits.filter((l) => l.tpm != null);
        await Promise.all(limits.map((l) => limiterFor("tpm", l.tpm as number).penalty(rateKey(l), diff)));
      } else if (diff < 0) {
        // Give back unused estimate only within the window it was taken from.
        await Promise.all(tpm.filter((c) => now < c.windowEndsAt).map((c) => c.limiter.reward(c.key, -diff)));
      }
    },

    async cancel(ticket) {
      const consumed = tickets.get(ticket);
      if (!consumed) return;
      tickets.delete(ticket);
      await giveBack(consumed);
    },
  };
}
