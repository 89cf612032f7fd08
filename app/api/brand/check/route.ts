import { CheckBody, CheckResult } from "@/lib/schemas/brand";
import { withRoute } from "@/server/http/route";
import { checkCopy } from "@/server/features/governor/service";

export const POST = withRoute(
  { auth: "session", role: "marketer", body: CheckBody, response: CheckResult },
  ({ ws, body }) => checkCopy(ws, body),
);
