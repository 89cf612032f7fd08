import { DeliveryPage, DeliveryQuery } from "@/lib/schemas/publishing";
import { withRoute } from "@/server/http/route";
import { listDeliveries } from "@/server/features/publishing/log";

export const GET = withRoute(
  { auth: "session", role: "editor", query: DeliveryQuery, response: DeliveryPage },
  ({ ws, query }) => listDeliveries(ws, query),
);
