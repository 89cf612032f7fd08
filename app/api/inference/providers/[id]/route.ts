import { z } from "zod";
import { Id } from "@/lib/schemas/workspace";
import { withRoute } from "@/server/http/route";
import { adminDeps } from "@/server/inference";
import { deleteProvider, updateProvider, UpdateProviderBody } from "@/server/inference/admin/service";

const Params = z.object({ id: Id });

export const PATCH = withRoute(
  { auth: "session", role: "admin", params: Params, body: UpdateProviderBody, status: 204 },
  ({ ws, params, body }) => updateProvider(ws, adminDeps(), params.id, body),
);

export const DELETE = withRoute({ auth: "session", role: "admin", params: Params, status: 204 }, ({ ws, params }) =>
  deleteProvider(ws, adminDeps(), params.id),
);
