import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { replayDeliveries } from "@/server/features/publishing/log";
import { queueDeps } from "@/server/features/publishing/runtime";

export const POST = withRoute(v1Route(v1.replayWebhookDeliveries), ({ ws, body }) =>
  replayDeliveries(ws, body, queueDeps),
);
