import { AuditFacets } from "@/lib/schemas/audit";
import { withRoute } from "@/server/http/route";
import { listAuditFacets } from "@/server/features/audit/service";

export const GET = withRoute({ auth: "session", role: "admin", response: AuditFacets }, ({ ws }) =>
  listAuditFacets(ws),
);
