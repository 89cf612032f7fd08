import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { callContext } from "@/server/features/rag/context";
import { knowledgeDeps } from "@/server/features/rag/runtime";
import { search } from "@/server/features/rag/search";

export const POST = withRoute(v1Route(v1.searchKnowledge), ({ ws, body, requestId }) =>
  search(knowledgeDeps(), callContext(ws, requestId), body),
);
