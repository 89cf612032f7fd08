import { z } from "zod";
import { RouteInfo } from "@/lib/schemas/inference";
import { withRoute } from "@/server/http/route";
import { adminDeps } from "@/server/inference";
import { listRoutes } from "@/server/inference/admin/service";

export const GET = withRoute({ auth: "session", role: "admin", response: z.array(RouteInfo) }, ({ ws }) =>
  listRoutes(ws, adminDeps()),
);
