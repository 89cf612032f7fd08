import { createHash } from "node:crypto";
import type Redis from "ioredis";
import { LRUCache } from "lru-cache";
import type { RouteTarget } from "@/lib/schemas/inference";

/** What a cache hit returns: the answer and which route produced it originally. */
export type CachedResponse = {
  text: string;
  output?: unknown;
  usage: { inputTokens: number; outputTokens: number };
  target: RouteTarget;
  providerKind: string;
  storedAt: string;
};

export interface ResponseCache {
  get(key: string): Promise<CachedResponse | undefined>;
  set(key: string, value: CachedResponse, ttlSeconds: number): Promise<void>;
}

/** In-process LRU (the default): bounded by entry count, per-entry TTL. */
export class MemoryResponseCache implements ResponseCache {
  private readonly lru: LRUCache<string, CachedResponse>;
  constructor(maxEntries: number) {
    this.lru = new LRUCache({ max: Math.max(1, maxEntries), ttlAutopurge: false });
  }
  async get(key: string) {
    return this.lru.get(key);
  }
  async set(key: string, value: CachedResponse, ttlSeconds: number) {
    this.lru.set(key, value, { ttl: ttlSeconds * 1000 });
  }
}

/** Shared by every instance when REDIS_URL is set. A Redis failure is a miss, never an error for the caller. */
export class RedisResponseCache implements ResponseCache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = "lectern:cache:",
  ) {}
  async get(key: string) {
    try {
      const raw = await this.redis.get(this.prefix + key);
      return raw ? (JSON.parse(raw) as CachedResponse) : undefined;
    } catch {
      return undefined;
    }
  }
  async set(key: string, value: CachedResponse, ttlSeconds: number) {
    try {
      await this.redis.set(this.prefix + key, JSON.stringify(value), "EX", Math.max(1, ttlSeconds));
    } catch {
      // A cache that cannot store is just a cache that misses.
    }
  }
}

/** JSON with object keys sorted, so equal requests hash equally whatever the key order. */
export function canonicalJson(v: unknown): string {
  if (v === undefined) return "null";
  if (v === null || typeof v !== "object") return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(",")}}`;
}

/** The exact-match key: everything that can change the answer, and nothing else. */
export function cacheKey(req: {
  workspaceId: string;
  chain: RouteTarget[];
  messages: unknown;
  params: Record<string, unknown>;
  promptVersionId?: string | null;
  schema?: unknown;
}): string {
  return createHash("sha256").update(canonicalJson(req)).digest("hex");
}
