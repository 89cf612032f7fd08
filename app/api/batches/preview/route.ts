import { CsvPreview } from "@/lib/schemas/batches";
import { withRoute } from "@/server/http/route";
import { readUpload } from "@/server/http/upload";
import { previewCsv } from "@/server/features/generation/batch";
import { batchDeps } from "@/server/features/generation/runtime";

/** multipart/form-data `file`: the CSV's columns, row count, first three rows and row problems. */
export const POST = withRoute({ auth: "session", role: "marketer", response: CsvPreview }, async ({ req }) => {
  const deps = batchDeps();
  const { file } = await readUpload(req, deps.kb.maxUploadBytes);
  return previewCsv(file.bytes, deps.maxRows);
});
