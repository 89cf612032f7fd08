import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { createDraft, draftPage } from "@/server/features/generation/service";
import { pipelineDeps } from "@/server/features/generation/runtime";

export const POST = withRoute(v1Route(v1.createDraft), ({ ws, body }) => createDraft(pipelineDeps(), ws, body));

export const GET = withRoute(v1Route(v1.listDrafts), ({ ws, query }) => draftPage(ws, query));
