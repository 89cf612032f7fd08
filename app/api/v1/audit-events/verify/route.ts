import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { verifyWorkspaceAudit } from "@/server/features/audit/service";

export const POST = withRoute(v1Route(v1.verifyAuditChain), ({ ws }) => verifyWorkspaceAudit(ws));
