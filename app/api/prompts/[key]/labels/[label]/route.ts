import { z } from "zod";
import { Id } from "@/lib/schemas/workspace";
import { withRoute } from "@/server/http/route";
import { invalidateInference } from "@/server/inference";
import { movePromptLabel } from "@/server/inference/prompts/service";

const Params = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_.-]{1,80}$/),
  label: z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, "Labels are lower-case letters, digits, - and _"),
});

/** Points a label at a version: shipping and rolling back are the same move. */
export const PUT = withRoute(
  { auth: "session", role: "admin", params: Params, body: z.object({ versionId: Id }), status: 204 },
  async ({ ws, params, body }) => {
    await movePromptLabel(ws, params.key, params.label, body.versionId);
    invalidateInference(ws.workspaceId);
  },
);
