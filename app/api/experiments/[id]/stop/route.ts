import { z } from "zod";
import { ExperimentOut, StopExperimentBody } from "@/lib/schemas/experiments";
import { withRoute } from "@/server/http/route";
import { stopExperiment } from "@/server/features/experiments/service";

const Params = z.object({ id: z.string().min(1).max(100) });

export const POST = withRoute(
  { auth: "session", role: "editor", params: Params, body: StopExperimentBody, response: ExperimentOut },
  ({ ws, params, body }) => stopExperiment(ws, params.id, body),
);
