import { withRoute } from "@/server/http/route";
import { adminDeps } from "@/server/inference";
import { listRoutes } from "@/server/inference/admin/service";

export const GET = withRoute({ auth: "session", role: "admin" }, ({ ws }) => listRoutes(ws, adminDeps()));
