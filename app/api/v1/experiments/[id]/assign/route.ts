import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { assignArm } from "@/server/features/experiments/service";

export const POST = withRoute(v1Route(v1.assignExperimentArm), ({ ws, params, body }) =>
  assignArm(ws, params.id, body),
);
