import { z } from "zod";
import { MarkReadBody } from "@/lib/schemas/review";
import { withRoute } from "@/server/http/route";
import { markNotificationsRead } from "@/server/features/review/service";

export const POST = withRoute(
  { auth: "session", role: "marketer", body: MarkReadBody, response: z.object({ updated: z.number().int() }) },
  ({ ws, body }) => markNotificationsRead(ws, body),
);
