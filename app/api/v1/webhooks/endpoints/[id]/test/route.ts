import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { sendTestEvent } from "@/server/features/publishing/endpoints";
import { endpointDeps } from "@/server/features/publishing/runtime";

export const POST = withRoute(v1Route(v1.sendWebhookTest), ({ ws, params }) =>
  sendTestEvent(ws, params.id, endpointDeps()),
);
