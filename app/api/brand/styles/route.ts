import { ImportedStyleList, StyleImportResult } from "@/lib/schemas/brand";
import { withRoute } from "@/server/http/route";
import { readUpload } from "@/server/http/upload";
import { importStyleZip, listStyles } from "@/server/features/governor/styles/service";
import { STYLE_ZIP_LIMITS } from "@/server/features/governor/styles/zip";

export const GET = withRoute({ auth: "session", role: "marketer", response: ImportedStyleList }, ({ ws }) =>
  listStyles(ws),
);

/** multipart/form-data with a `file`: a zip holding one or more Vale style folders. */
export const POST = withRoute(
  { auth: "session", role: "admin", response: StyleImportResult, status: 201 },
  async ({ ws, req }) => {
    const { file } = await readUpload(req, STYLE_ZIP_LIMITS.maxZipBytes, "the limit for style zips");
    return importStyleZip(ws, file);
  },
);
