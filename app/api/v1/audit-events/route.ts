import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { listWorkspaceAudit } from "@/server/features/audit/service";

export const GET = withRoute(v1Route(v1.listAuditEvents), ({ ws, query }) => listWorkspaceAudit(ws, query));
