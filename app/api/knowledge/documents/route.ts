import { DocumentListQuery, DocumentPage, JobOut, PasteBody } from "@/lib/schemas/knowledge";
import { withRoute } from "@/server/http/route";
import { ingestPaste, listDocuments } from "@/server/features/rag/service";
import { knowledgeDeps } from "@/server/features/rag/runtime";

export const GET = withRoute(
  { auth: "session", role: "marketer", query: DocumentListQuery, response: DocumentPage },
  ({ ws, query }) => listDocuments(knowledgeDeps(), ws, query),
);

export const POST = withRoute(
  { auth: "session", role: "editor", body: PasteBody, response: JobOut, status: 202 },
  ({ ws, body }) => ingestPaste(knowledgeDeps(), ws, body),
);
