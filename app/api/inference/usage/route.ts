import { PageQuery } from "@/lib/schemas/audit";
import { UsagePage } from "@/lib/schemas/inference";
import { withRoute } from "@/server/http/route";
import { listUsage } from "@/server/inference/admin/service";

export const GET = withRoute(
  { auth: "session", role: "editor", query: PageQuery, response: UsagePage },
  ({ ws, query }) => listUsage(ws, query),
);
