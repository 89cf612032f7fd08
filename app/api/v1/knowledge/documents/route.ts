import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { knowledgeDeps } from "@/server/features/rag/runtime";
import { listDocuments } from "@/server/features/rag/service";

export const GET = withRoute(v1Route(v1.listKnowledgeDocuments), ({ ws, query }) =>
  listDocuments(knowledgeDeps(), ws, query),
);
