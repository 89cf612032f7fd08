import { AuditFilters } from "@/lib/schemas/audit";
import { withRoute } from "@/server/http/route";
import { exportWorkspaceAudit } from "@/server/features/audit/service";

/** The filtered trail as CSV, streamed (oldest first). */
export const GET = withRoute({ auth: "session", role: "admin", query: AuditFilters }, ({ ws, query }) =>
  exportWorkspaceAudit(ws, query),
);
