import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { createEndpoint, listEndpoints } from "@/server/features/publishing/endpoints";
import { endpointDeps } from "@/server/features/publishing/runtime";

export const GET = withRoute(v1Route(v1.listWebhookEndpoints), ({ ws }) => listEndpoints(ws));
export const POST = withRoute(v1Route(v1.createWebhookEndpoint), ({ ws, body }) =>
  createEndpoint(ws, body, endpointDeps()),
);
