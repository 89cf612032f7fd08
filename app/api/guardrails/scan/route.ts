import { GuardScanBody, GuardScanResult } from "@/lib/schemas/guardrails";
import { withRoute } from "@/server/http/route";
import { scanForWorkspace } from "@/server/features/guardrails/service";

/** The policy page's test box (and any member's check of a text before it goes anywhere). */
export const POST = withRoute(
  { auth: "session", role: "marketer", body: GuardScanBody, response: GuardScanResult },
  ({ ws, body }) => scanForWorkspace(ws, body),
);
