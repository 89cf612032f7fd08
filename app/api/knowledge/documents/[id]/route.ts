import { z } from "zod";
import { DocumentDetail } from "@/lib/schemas/knowledge";
import { withRoute } from "@/server/http/route";
import { deleteDocument, getDocument } from "@/server/features/rag/service";
import { knowledgeDeps } from "@/server/features/rag/runtime";

const Params = z.object({ id: z.string().min(1).max(100) });

export const GET = withRoute(
  { auth: "session", role: "marketer", params: Params, response: DocumentDetail },
  ({ ws, params }) => getDocument(knowledgeDeps(), ws, params.id),
);

export const DELETE = withRoute({ auth: "session", role: "editor", params: Params, status: 204 }, ({ ws, params }) =>
  deleteDocument(knowledgeDeps(), ws, params.id),
);
