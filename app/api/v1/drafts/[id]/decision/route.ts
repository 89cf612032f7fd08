import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { decide } from "@/server/features/review/service";

export const POST = withRoute(v1Route(v1.decideDraft), ({ ws, params, body }) => decide(ws, params.id, body));
