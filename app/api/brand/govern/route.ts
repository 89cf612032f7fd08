import { CheckBody, GovernResult } from "@/lib/schemas/brand";
import { withRoute } from "@/server/http/route";
import { governCopy } from "@/server/features/governor/govern";

export const POST = withRoute(
  { auth: "session", role: "marketer", body: CheckBody, response: GovernResult },
  ({ ws, body }) => governCopy(ws, body),
);
