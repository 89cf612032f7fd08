import { UsageRange, UsageReport } from "@/lib/schemas/usage";
import { withRoute } from "@/server/http/route";
import { usageReport } from "@/server/features/usage/service";

/** The Usage page's numbers for a range of UTC days (editors and admins). */
export const GET = withRoute(
  { auth: "session", role: "editor", query: UsageRange, response: UsageReport },
  ({ ws, query }) => usageReport(ws, query),
);
