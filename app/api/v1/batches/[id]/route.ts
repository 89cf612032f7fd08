import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { getBatch } from "@/server/features/generation/batch";

export const GET = withRoute(v1Route(v1.getBatch), ({ ws, params }) => getBatch(ws.db, ws.workspaceId, params.id));
