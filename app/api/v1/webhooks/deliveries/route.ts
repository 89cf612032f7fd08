import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { listDeliveries } from "@/server/features/publishing/log";

export const GET = withRoute(v1Route(v1.listWebhookDeliveries), ({ ws, query }) => listDeliveries(ws, query));
