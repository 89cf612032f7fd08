/**
 * Redis for integration tests (mirrors server/testing/databases.ts's postgresAvailable()):
 * TEST_REDIS_URL, default the local server (never REDIS_URL, which may be a real one). When unreachable the
 * Redis tests are skipped with a loud note, except under CI=true or
 * REQUIRE_REDIS=1, where that fails.
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

let available: Promise<boolean> | undefined;

export function redisAvailable(): Promise<boolean> {
  available ??= (async () => {
    const r = new Redis(TEST_REDIS_URL, {
      lazyConnect: true,
      connectTimeout: 3000,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    r.on("error", () => {});
    try {
      await r.connect();
      await r.ping();
      return true;
    } catch (e) {
      if (process.env.CI === "true" || process.env.REQUIRE_REDIS === "1") {
        throw new Error(`Redis is required here but unreachable at ${TEST_REDIS_URL}: ${(e as Error).message}`);
      }
      console.warn(
        `\n!! Redis unreachable at ${TEST_REDIS_URL}: Redis integration tests are SKIPPED on this machine.\n`,
      );
      return false;
    } finally {
      r.disconnect();
    }
  })();
  return available;
}

export function testRedis(): Redis {
  return new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
}

export function testPrefix(): string {
  return `lectern-test:${randomBytes(6).toString("hex")}:`;
}

/** Delete every key under `prefix` (SCAN + DEL; never FLUSHALL). */
export async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  let cursor = "0";
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 500);
    cursor = next;
    if (keys.length > 0) await redis.del(...keys);
  } while (cursor !== "0");
}
