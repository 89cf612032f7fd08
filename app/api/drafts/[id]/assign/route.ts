import { z } from "zod";
import { AssignBody, ReviewState } from "@/lib/schemas/review";
import { withRoute } from "@/server/http/route";
import { assign } from "@/server/features/review/service";

const Params = z.object({ id: z.string().min(1).max(100) });

export const POST = withRoute(
  { auth: "session", role: "editor", params: Params, body: AssignBody, response: ReviewState },
  ({ ws, params, body }) => assign(ws, params.id, body),
);
