import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { draftDetail } from "@/server/features/generation/service";

export const GET = withRoute(v1Route(v1.getDraft), ({ ws, params }) => draftDetail(ws, params.id));
