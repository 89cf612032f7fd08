import { JobOut } from "@/lib/schemas/knowledge";
import { withRoute } from "@/server/http/route";
import { requestReindex } from "@/server/features/rag/service";
import { knowledgeDeps } from "@/server/features/rag/runtime";

export const POST = withRoute({ auth: "session", role: "editor", response: JobOut, status: 202 }, ({ ws }) =>
  requestReindex(knowledgeDeps(), ws),
);
