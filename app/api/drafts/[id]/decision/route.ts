import { z } from "zod";
import { DecisionBody, DecisionResult } from "@/lib/schemas/review";
import { withRoute } from "@/server/http/route";
import { decide } from "@/server/features/review/service";

const Params = z.object({ id: z.string().min(1).max(100) });

export const POST = withRoute(
  { auth: "session", role: "marketer", params: Params, body: DecisionBody, response: DecisionResult },
  ({ ws, params, body }) => decide(ws, params.id, body),
);
