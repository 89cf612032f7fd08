import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { recordOutcome } from "@/server/features/experiments/service";

export const POST = withRoute(v1Route(v1.recordExperimentOutcome), ({ ws, params, body }) =>
  recordOutcome(ws, params.id, body),
);
