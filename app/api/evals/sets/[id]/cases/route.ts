import { z } from "zod";
import { GoldenCaseBody } from "@/lib/schemas/evals";
import { GoldenCaseOut } from "@/lib/schemas/golden-sets";
import { withRoute } from "@/server/http/route";
import { addCase } from "@/server/features/evals/sets";

const Params = z.object({ id: z.string().min(1).max(64) });

/** The service re-validates with the server-only ReDoS check on patterns. */
export const POST = withRoute(
  { auth: "session", role: "editor", params: Params, body: GoldenCaseBody, response: GoldenCaseOut, status: 201 },
  ({ ws, params, body }) => addCase(ws, params.id, body),
);
