import { z } from "zod";
import { EndpointOut, EndpointPatch } from "@/lib/schemas/publishing";
import { withRoute } from "@/server/http/route";
import { deleteEndpoint, getEndpoint, updateEndpoint } from "@/server/features/publishing/endpoints";
import { endpointDeps } from "@/server/features/publishing/runtime";

const Params = z.object({ id: z.string().min(1).max(100) });

export const GET = withRoute(
  { auth: "session", role: "admin", params: Params, response: EndpointOut },
  ({ ws, params }) => getEndpoint(ws, params.id),
);

export const PATCH = withRoute(
  { auth: "session", role: "admin", params: Params, body: EndpointPatch, response: EndpointOut },
  ({ ws, params, body }) => updateEndpoint(ws, params.id, body, endpointDeps()),
);

export const DELETE = withRoute(
  { auth: "session", role: "admin", params: Params, status: 204 },
  async ({ ws, params }) => {
    await deleteEndpoint(ws, params.id);
  },
);
