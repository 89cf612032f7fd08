import { z } from "zod";
import { EvalRunDetail } from "@/lib/schemas/golden-sets";
import { withRoute } from "@/server/http/route";
import { getRun } from "@/server/features/evals/runs";

const Params = z.object({ id: z.string().min(1).max(64) });

export const GET = withRoute(
  { auth: "session", role: "editor", params: Params, response: EvalRunDetail },
  ({ ws, params }) => getRun(ws, params.id),
);
