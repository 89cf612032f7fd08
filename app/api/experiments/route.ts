import { CreateExperimentBody, ExperimentList, ExperimentOut } from "@/lib/schemas/experiments";
import { withRoute } from "@/server/http/route";
import { createExperiment, listExperiments } from "@/server/features/experiments/service";

export const GET = withRoute({ auth: "session", role: "marketer", response: ExperimentList }, ({ ws }) =>
  listExperiments(ws),
);

export const POST = withRoute(
  { auth: "session", role: "editor", body: CreateExperimentBody, response: ExperimentOut, status: 201 },
  ({ ws, body }) => createExperiment(ws, body),
);
