import { JSONLD_MAX_BODY_BYTES, JsonLdReport, JsonLdValidateBody } from "@/lib/schemas/jsonld";
import { withRoute } from "@/server/http/route";
import { validateRequest } from "@/server/features/schema-org/build";

/** The studio's validator (SEO → Validate JSON-LD): any member may check a page's structured data. */
export const POST = withRoute(
  {
    auth: "session",
    role: "marketer",
    body: JsonLdValidateBody,
    response: JsonLdReport,
    maxBodyBytes: JSONLD_MAX_BODY_BYTES,
  },
  ({ body }) => validateRequest(body),
);
