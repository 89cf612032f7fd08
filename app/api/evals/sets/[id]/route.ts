import { z } from "zod";
import { GoldenSetDetail, GoldenSetOut, GoldenSetPatch } from "@/lib/schemas/golden-sets";
import { withRoute } from "@/server/http/route";
import { deleteSet, getSet, updateSet } from "@/server/features/evals/sets";

const Params = z.object({ id: z.string().min(1).max(64) });

export const GET = withRoute(
  { auth: "session", role: "editor", params: Params, response: GoldenSetDetail },
  ({ ws, params }) => getSet(ws, params.id),
);

export const PATCH = withRoute(
  { auth: "session", role: "editor", params: Params, body: GoldenSetPatch, response: GoldenSetOut },
  ({ ws, params, body }) => updateSet(ws, params.id, body),
);

export const DELETE = withRoute(
  { auth: "session", role: "editor", params: Params, status: 204 },
  async ({ ws, params }) => {
    await deleteSet(ws, params.id);
  },
);
