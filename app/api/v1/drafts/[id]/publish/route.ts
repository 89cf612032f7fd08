import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { publishDraft } from "@/server/features/publishing/publish";
import { publishDeps } from "@/server/features/publishing/runtime";

export const POST = withRoute(v1Route(v1.publishDraft), ({ req, ws, params, body }) =>
  publishDraft(ws, params.id, body, publishDeps(req)),
);
