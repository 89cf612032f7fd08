import type { NextRequest } from "next/server";
import { env } from "@/server/env";

/**
 * The origin clients reach the studio at, for absolute URLs in API answers.
 * AUTH_URL wins when set; otherwise the Host (or a proxy's X-Forwarded-Host /
 * -Proto) of the request. `req.nextUrl.origin` is not used: under `next start`
 * it reports the listening address (http://localhost:<port>), not the host the
 * client called.
 */
export function publicOrigin(req: NextRequest, configured: string | undefined = env().publicUrl): string {
  if (configured) return new URL(configured).origin;
  const host = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || req.headers.get("host");
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || req.nextUrl.protocol.replace(/:$/, "");
  if (!host || !/^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9A-Fa-f:.]+\](:\d+)?$/.test(host) || !/^https?$/.test(proto))
    return req.nextUrl.origin;
  return `${proto}://${host}`;
}
