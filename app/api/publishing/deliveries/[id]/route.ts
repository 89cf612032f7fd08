import { z } from "zod";
import { DeliveryDetail } from "@/lib/schemas/publishing";
import { withRoute } from "@/server/http/route";
import { deliveryDetail } from "@/server/features/publishing/log";

const Params = z.object({ id: z.string().min(1).max(100) });

export const GET = withRoute(
  { auth: "session", role: "editor", params: Params, response: DeliveryDetail },
  ({ ws, params }) => deliveryDetail(ws, params.id),
);
