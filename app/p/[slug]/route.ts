import type { NextRequest } from "next/server";
import { db } from "@/server/db";
import { servePage } from "@/server/features/publishing/site/serve";

// Read per request through the data cache (server/features/publishing/site/cache.ts), never at build time.
export const dynamic = "force-dynamic";

/** A published SEO page: public, no session. 200/304 live, 410 taken down, 404 unknown. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return servePage(db(), slug, req.headers);
}

export const HEAD = GET;
