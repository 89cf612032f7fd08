import { AuditVerifyResult } from "@/lib/schemas/audit";
import { withRoute } from "@/server/http/route";
import { verifyWorkspaceAudit } from "@/server/features/audit/service";

/** Recomputes the workspace's hash chain (POST: it can take seconds on a long trail and is never cached). */
export const POST = withRoute({ auth: "session", role: "admin", response: AuditVerifyResult }, ({ ws }) =>
  verifyWorkspaceAudit(ws),
);
