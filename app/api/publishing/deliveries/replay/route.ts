import { ReplayBody, ReplayResult } from "@/lib/schemas/publishing";
import { withRoute } from "@/server/http/route";
import { replayDeliveries } from "@/server/features/publishing/log";
import { queueDeps } from "@/server/features/publishing/runtime";

export const POST = withRoute(
  { auth: "session", role: "admin", body: ReplayBody, response: ReplayResult },
  ({ ws, body }) => replayDeliveries(ws, body, queueDeps),
);
