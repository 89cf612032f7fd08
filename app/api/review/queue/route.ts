import { QueuePage, QueueQuery } from "@/lib/schemas/review";
import { withRoute } from "@/server/http/route";
import { listQueue } from "@/server/features/review/service";

export const GET = withRoute(
  { auth: "session", role: "editor", query: QueueQuery, response: QueuePage },
  ({ ws, query }) => listQueue(ws, query),
);
