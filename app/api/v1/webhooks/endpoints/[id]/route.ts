import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { deleteEndpoint, getEndpoint, updateEndpoint } from "@/server/features/publishing/endpoints";
import { endpointDeps } from "@/server/features/publishing/runtime";

export const GET = withRoute(v1Route(v1.getWebhookEndpoint), ({ ws, params }) => getEndpoint(ws, params.id));
export const PATCH = withRoute(v1Route(v1.updateWebhookEndpoint), ({ ws, params, body }) =>
  updateEndpoint(ws, params.id, body, endpointDeps()),
);
export const DELETE = withRoute(v1Route(v1.deleteWebhookEndpoint), async ({ ws, params }) => {
  await deleteEndpoint(ws, params.id);
});
