import { AppError } from "@/lib/errors";
import { BatchList, BatchOut } from "@/lib/schemas/batches";
import { withRoute } from "@/server/http/route";
import { readUpload } from "@/server/http/upload";
import { createBatch, listBatches } from "@/server/features/generation/batch";
import { batchDeps } from "@/server/features/generation/runtime";

export const GET = withRoute({ auth: "session", role: "marketer", response: BatchList }, ({ ws }) => listBatches(ws));

/** multipart/form-data: `file` (the CSV) and `spec` (JSON: template, mapping, campaignId). */
export const POST = withRoute(
  { auth: "session", role: "marketer", response: BatchOut, status: 201 },
  async ({ ws, req }) => {
    const deps = batchDeps();
    const { file, text } = await readUpload(req, deps.kb.maxUploadBytes);
    let spec: unknown;
    try {
      spec = JSON.parse(text.spec ?? "");
    } catch {
      throw new AppError("validation:batch_spec", "Send the template and mapping as JSON in the `spec` field.");
    }
    return createBatch(deps, ws, file, spec);
  },
);
