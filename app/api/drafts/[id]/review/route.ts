import { z } from "zod";
import { ReviewState } from "@/lib/schemas/review";
import { withRoute } from "@/server/http/route";
import { reviewState } from "@/server/features/review/service";

const Params = z.object({ id: z.string().min(1).max(100) });

export const GET = withRoute(
  { auth: "session", role: "marketer", params: Params, response: ReviewState },
  ({ ws, params }) => reviewState(ws, params.id),
);
