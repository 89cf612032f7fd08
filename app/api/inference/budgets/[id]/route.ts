import { z } from "zod";
import { Id } from "@/lib/schemas/workspace";
import { withRoute } from "@/server/http/route";
import { adminDeps } from "@/server/inference";
import { deleteBudget } from "@/server/inference/admin/service";

export const DELETE = withRoute(
  { auth: "session", role: "admin", params: z.object({ id: Id }), status: 204 },
  ({ ws, params }) => deleteBudget(ws, adminDeps(), params.id),
);
