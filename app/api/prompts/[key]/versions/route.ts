import { z } from "zod";
import { withRoute } from "@/server/http/route";
import { invalidateInference } from "@/server/inference";
import { createPromptVersion, CreateVersionBody } from "@/server/inference/prompts/service";

const Params = z.object({ key: z.string().regex(/^[a-z][a-z0-9_.-]{1,80}$/, "Prompt keys look like draft.generic") });

export const POST = withRoute(
  { auth: "session", role: "admin", params: Params, body: CreateVersionBody, status: 201 },
  async ({ ws, params, body }) => {
    const v = await createPromptVersion(ws, params.key, body);
    invalidateInference(ws.workspaceId);
    return v;
  },
);
