import { UsageRange } from "@/lib/schemas/usage";
import { withRoute } from "@/server/http/route";
import { usageCsvResponse } from "@/server/features/usage/service";

/** The range's usage as CSV: one row per day, model, role and person. */
export const GET = withRoute({ auth: "session", role: "editor", query: UsageRange }, ({ ws, query }) =>
  usageCsvResponse(ws, query),
);
