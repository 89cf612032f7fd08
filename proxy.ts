import { NextResponse, type NextRequest } from "next/server";
import { log } from "@/server/log";

/**
 * Gives every request an id (kept when a trusted upstream already set a
 * well-formed one) and echoes it on the response, so a user's error message,
 * the logs and the audit trail can be joined.
 */
export function proxy(req: NextRequest) {
  const given = req.headers.get("x-request-id");
  const id = given && /^[A-Za-z0-9._:-]{8,128}$/.test(given) ? given : crypto.randomUUID();
  const headers = new Headers(req.headers);
  headers.set("x-request-id", id);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("x-request-id", id);
  // Access log for every request (API routes add status and latency in withRoute).
  log().debug({ requestId: id, method: req.method, path: req.nextUrl.pathname }, "incoming");
  return res;
}

export const config = {
  // Uploads skip the proxy: it would buffer the whole body in memory (and cut it at 10 MB);
  // withRoute gives those requests their id.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|api/knowledge/uploads|api/batches).*)"],
};
