import type { Db } from "@/server/db/client";

export type Health = {
  status: "ok" | "degraded";
  version: string;
  time: string;
  database: { provider: "sqlite" | "postgres"; reachable: boolean; latencyMs: number | null; error?: string };
};

export async function checkHealth(db: Db, info: { version: string; provider: "sqlite" | "postgres" }): Promise<Health> {
  const started = performance.now();
  let reachable = true;
  let error: string | undefined;
  try {
    await db.$queryRawUnsafe("SELECT 1");
  } catch {
    reachable = false;
    error = "The database did not answer. Check that it is running and that DATABASE_URL is right.";
  }
  return {
    status: reachable ? "ok" : "degraded",
    version: info.version,
    time: new Date().toISOString(),
    database: {
      provider: info.provider,
      reachable,
      latencyMs: reachable ? Math.round((performance.now() - started) * 10) / 10 : null,
      ...(error ? { error } : {}),
    },
  };
}
