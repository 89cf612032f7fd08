import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { getWorkspace } from "@/server/features/workspaces/service";

export const GET = withRoute(v1Route(v1.getWorkspace), ({ ws }) => getWorkspace(ws.db, ws.workspaceId));
