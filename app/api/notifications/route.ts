import { NotificationPage, NotificationQuery } from "@/lib/schemas/review";
import { withRoute } from "@/server/http/route";
import { listNotifications } from "@/server/features/review/service";

export const GET = withRoute(
  { auth: "session", role: "marketer", query: NotificationQuery, response: NotificationPage },
  ({ ws, query }) => listNotifications(ws, query),
);
