import { z } from "zod";
import { PublishResult, UnpublishBody } from "@/lib/schemas/publishing";
import { withRoute } from "@/server/http/route";
import { unpublishDraft } from "@/server/features/publishing/publish";
import { publishDeps } from "@/server/features/publishing/runtime";

const Params = z.object({ id: z.string().min(1).max(100) });

export const POST = withRoute(
  { auth: "session", role: "editor", params: Params, body: UnpublishBody, response: PublishResult },
  ({ req, ws, params, body }) => unpublishDraft(ws, params.id, body, publishDeps(req)),
);
