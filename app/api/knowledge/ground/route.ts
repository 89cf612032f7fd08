import { GroundBody, GroundResult } from "@/lib/schemas/knowledge";
import { withRoute } from "@/server/http/route";
import { callContext } from "@/server/features/rag/context";
import { groundWithKnowledge } from "@/server/features/rag/ground";
import { knowledgeDeps } from "@/server/features/rag/runtime";

export const POST = withRoute(
  { auth: "session", role: "marketer", body: GroundBody, response: GroundResult },
  ({ ws, body, requestId }) => groundWithKnowledge(knowledgeDeps(), callContext(ws, requestId), body),
);
