import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { getAnyJob } from "@/server/features/generation/service";

export const GET = withRoute(v1Route(v1.getJob), ({ ws, params }) => getAnyJob(ws, params.id));
