import { z } from "zod";
import { GoldenCaseOut, GoldenCaseUpdate } from "@/lib/schemas/golden-sets";
import { withRoute } from "@/server/http/route";
import { deleteCase, updateCase } from "@/server/features/evals/sets";

const Params = z.object({ id: z.string().min(1).max(64) });

export const PUT = withRoute(
  { auth: "session", role: "editor", params: Params, body: GoldenCaseUpdate, response: GoldenCaseOut },
  ({ ws, params, body }) => updateCase(ws, params.id, body),
);

export const DELETE = withRoute(
  { auth: "session", role: "editor", params: Params, status: 204 },
  async ({ ws, params }) => {
    await deleteCase(ws, params.id);
  },
);
