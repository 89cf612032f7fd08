import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { deliveryDetail } from "@/server/features/publishing/log";

export const GET = withRoute(v1Route(v1.getWebhookDelivery), ({ ws, params }) => deliveryDetail(ws, params.id));
