import { EvalRunList, RunSummary, StartRunBody } from "@/lib/schemas/golden-sets";
import { withRoute } from "@/server/http/route";
import { createRun, listRuns, RunListQuery } from "@/server/features/evals/runs";

export const GET = withRoute(
  { auth: "session", role: "editor", query: RunListQuery, response: EvalRunList },
  ({ ws, query }) => listRuns(ws, query),
);

/** Queues the run as a background job; poll `GET /api/evals/runs/:id` for progress. */
export const POST = withRoute(
  { auth: "session", role: "editor", body: StartRunBody, response: RunSummary, status: 202 },
  ({ ws, body }) =>
    createRun(ws, body, {
      kick: () => void import("@/server/jobs").then((m) => m.jobRunner().kick()),
    }),
);
