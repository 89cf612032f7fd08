import { z } from "zod";
import { ExperimentOut } from "@/lib/schemas/experiments";
import { withRoute } from "@/server/http/route";
import { getExperiment } from "@/server/features/experiments/service";

const Params = z.object({ id: z.string().min(1).max(100) });

export const GET = withRoute(
  { auth: "session", role: "marketer", params: Params, response: ExperimentOut },
  ({ ws, params }) => getExperiment(ws, params.id),
);
