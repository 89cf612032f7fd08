import type { NextRequest } from "next/server";
import { db } from "@/server/db";
import { publicOrigin } from "@/server/http/origin";
import { serveSitemapFile } from "@/server/features/publishing/site/serve";

export const dynamic = "force-dynamic";

/** `/sitemaps/<n>.xml`: one file of the sitemap index. Public. */
export async function GET(req: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  return serveSitemapFile(db(), publicOrigin(req), file);
}
