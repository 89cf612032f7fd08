import { JobOut } from "@/lib/schemas/knowledge";
import { withRoute } from "@/server/http/route";
import { readUpload } from "@/server/http/upload";
import { ingestFile } from "@/server/features/rag/service";
import { knowledgeDeps } from "@/server/features/rag/runtime";

/** multipart/form-data: `file`, optional `title`, `tags` (comma-separated), `effectiveDate`. */
export const POST = withRoute(
  { auth: "session", role: "editor", response: JobOut, status: 202 },
  async ({ ws, req }) => {
    const deps = knowledgeDeps();
    const { file, fields } = await readUpload(req, deps.maxUploadBytes);
    return ingestFile(deps, ws, file, fields);
  },
);
