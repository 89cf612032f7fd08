import { CompareQuery, RunComparison } from "@/lib/schemas/golden-sets";
import { withRoute } from "@/server/http/route";
import { compareRuns } from "@/server/features/evals/compare";

export const GET = withRoute(
  { auth: "session", role: "editor", query: CompareQuery, response: RunComparison },
  ({ ws, query }) => compareRuns(ws, query),
);
