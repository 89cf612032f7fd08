import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { rotateSecret } from "@/server/features/publishing/endpoints";
import { endpointDeps } from "@/server/features/publishing/runtime";

export const POST = withRoute(v1Route(v1.rotateWebhookSecret), ({ ws, params, body }) =>
  rotateSecret(ws, params.id, body, endpointDeps()),
);
