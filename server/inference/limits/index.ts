import "server-only";
import { Redis } from "ioredis";
import { createLimits, type CreateLimitsOptions, type Limits } from "./limits";

export { createLimits, DEFAULT_RESERVATION_TTL_MS } from "./limits";
export type { CreateLimitsOptions, Limits, MemoryLimitsOptions, RedisLimitsOptions, ReserveResult } from "./limits";
export type { RateResult } from "./rate";
export { BudgetExceededError, LimitError, RateLimitedError, formatMicros, type RateKind } from "./errors";
export { periodWindow } from "./periods";
export type * from "./types";

type CommonOptions = Omit<Extract<CreateLimitsOptions, { store: "memory" }>, "store">;

/**
 * Memory store for one instance, or Redis (shared by all instances) when
 * `redisUrl` is set — the gateway passes `env.REDIS_URL`. `close()` quits the
 * Redis connection this function opened.
 */
export function createLimitsFromUrl(
  redisUrl: string | undefined,
  options: CommonOptions & { prefix?: string },
): { limits: Limits; close: () => Promise<void> } {
  if (!redisUrl) return { limits: createLimits({ ...options, store: "memory" }), close: async () => {} };
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
  const limits = createLimits({ ...options, store: "redis", redis, prefix: options.prefix ?? "lectern:limits:" });
  return {
    limits,
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
