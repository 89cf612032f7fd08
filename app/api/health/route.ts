import { NextResponse } from "next/server";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { checkHealth } from "@/server/features/health/service";

export const dynamic = "force-dynamic";

/** Liveness + database reachability; 503 when the database does not answer. */
export async function GET() {
  const h = await checkHealth(db(), { version: env().version, provider: env().databaseProvider });
  return NextResponse.json(h, { status: h.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
