import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { validateRequest } from "@/server/features/schema-org/build";

export const POST = withRoute(v1Route(v1.validateJsonLd), ({ body }) => validateRequest(body));
