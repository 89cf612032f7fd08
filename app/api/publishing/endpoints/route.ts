import { EndpointBody, EndpointList, EndpointWithSecret } from "@/lib/schemas/publishing";
import { withRoute } from "@/server/http/route";
import { createEndpoint, listEndpoints } from "@/server/features/publishing/endpoints";
import { endpointDeps } from "@/server/features/publishing/runtime";

export const GET = withRoute({ auth: "session", role: "admin", response: EndpointList }, ({ ws }) => listEndpoints(ws));

export const POST = withRoute(
  { auth: "session", role: "admin", body: EndpointBody, response: EndpointWithSecret, status: 201 },
  ({ ws, body }) => createEndpoint(ws, body, endpointDeps()),
);
