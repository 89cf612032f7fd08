import { AuditPage, AuditQuery } from "@/lib/schemas/audit";
import { withRoute } from "@/server/http/route";
import { listWorkspaceAudit } from "@/server/features/audit/service";

export const GET = withRoute(
  { auth: "session", role: "admin", query: AuditQuery, response: AuditPage },
  ({ ws, query }) => listWorkspaceAudit(ws, query),
);
