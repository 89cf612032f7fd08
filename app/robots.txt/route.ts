import type { NextRequest } from "next/server";
import { publicOrigin } from "@/server/http/origin";
import { serveRobots } from "@/server/features/publishing/site/serve";

export const dynamic = "force-dynamic";

/** Crawlers: the published pages and sitemaps only. Public. */
export function GET(req: NextRequest) {
  return serveRobots(publicOrigin(req));
}
