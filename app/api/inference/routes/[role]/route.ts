import { z } from "zod";
import { ModelRole, RouteBody } from "@/lib/schemas/inference";
import { withRoute } from "@/server/http/route";
import { adminDeps } from "@/server/inference";
import { resetRoute, setRoute } from "@/server/inference/admin/service";

const Params = z.object({ role: ModelRole });

export const PUT = withRoute(
  { auth: "session", role: "admin", params: Params, body: RouteBody, status: 204 },
  ({ ws, params, body }) => setRoute(ws, adminDeps(), params.role, body),
);

/** Back to the default route (instance provider, then the offline engine). */
export const DELETE = withRoute({ auth: "session", role: "admin", params: Params, status: 204 }, ({ ws, params }) =>
  resetRoute(ws, adminDeps(), params.role),
);
