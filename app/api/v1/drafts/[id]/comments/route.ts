import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { addComment, listComments } from "@/server/features/review/service";

export const GET = withRoute(v1Route(v1.listDraftComments), ({ ws, params }) => listComments(ws, params.id));

export const POST = withRoute(v1Route(v1.addDraftComment), ({ ws, params, body }) => addComment(ws, params.id, body));
