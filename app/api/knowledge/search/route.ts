import { SearchBody, SearchResult } from "@/lib/schemas/knowledge";
import { withRoute } from "@/server/http/route";
import { search } from "@/server/features/rag/search";
import { knowledgeDeps } from "@/server/features/rag/runtime";
import { callContext } from "@/server/features/rag/context";

export const POST = withRoute(
  { auth: "session", role: "marketer", body: SearchBody, response: SearchResult },
  ({ ws, body, requestId }) => search(knowledgeDeps(), callContext(ws, requestId), body),
);
