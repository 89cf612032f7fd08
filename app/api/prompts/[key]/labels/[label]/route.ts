import { z } from "zod";
import { MoveLabelBody } from "@/lib/schemas/golden-sets";
import { withRoute } from "@/server/http/route";
import { invalidateInference } from "@/server/inference";
import { movePromptLabel } from "@/server/inference/prompts/service";
import { productionGate } from "@/server/features/evals/gate";

const Params = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_.-]{1,80}$/),
  label: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, "Labels are lower-case letters, digits, - and _"),
});

/**
 * Points a label at a version: shipping and rolling back are the same move. Moving `production`
 * of an evaluated prompt passes the eval gate (409 `conflict:eval_gate`) unless overridden.
 */
export const PUT = withRoute(
  { auth: "session", role: "admin", params: Params, body: MoveLabelBody, status: 204 },
  async ({ ws, params, body }) => {
    await movePromptLabel(ws, params.key, params.label, body.versionId, productionGate(body.override));
    invalidateInference(ws.workspaceId);
  },
);
