import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/server/env";
import { buildOpenApi } from "@/server/http/openapi";
import { publicOrigin } from "@/server/http/origin";

export const dynamic = "force-dynamic";

/** Public: the document describes the API; it grants nothing. */
export function GET(req: NextRequest) {
  return NextResponse.json(buildOpenApi({ version: env().version, serverUrl: publicOrigin(req) }));
}
