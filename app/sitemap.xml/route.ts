import type { NextRequest } from "next/server";
import { db } from "@/server/db";
import { publicOrigin } from "@/server/http/origin";
import { serveSitemap } from "@/server/features/publishing/site/serve";

export const dynamic = "force-dynamic";

/** The live published pages (an index of /sitemaps/<n>.xml above 50,000). Public. */
export async function GET(req: NextRequest) {
  return serveSitemap(db(), publicOrigin(req));
}
