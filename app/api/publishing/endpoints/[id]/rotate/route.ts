import { z } from "zod";
import { EndpointWithSecret, RotateSecretBody } from "@/lib/schemas/publishing";
import { withRoute } from "@/server/http/route";
import { rotateSecret } from "@/server/features/publishing/endpoints";
import { endpointDeps } from "@/server/features/publishing/runtime";

const Params = z.object({ id: z.string().min(1).max(100) });

export const POST = withRoute(
  { auth: "session", role: "admin", params: Params, body: RotateSecretBody, response: EndpointWithSecret },
  ({ ws, params, body }) => rotateSecret(ws, params.id, body, endpointDeps()),
);
