import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { getExperiment } from "@/server/features/experiments/service";

export const GET = withRoute(v1Route(v1.getExperiment), ({ ws, params }) => getExperiment(ws, params.id));
