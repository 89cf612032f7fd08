import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { callContext } from "@/server/features/rag/context";
import { groundWithKnowledge } from "@/server/features/rag/ground";
import { knowledgeDeps } from "@/server/features/rag/runtime";

export const POST = withRoute(v1Route(v1.groundText), ({ ws, body, requestId }) =>
  groundWithKnowledge(knowledgeDeps(), callContext(ws, requestId), body),
);
