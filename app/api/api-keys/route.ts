import { z } from "zod";
import { ApiKeySummary, CreateApiKeyBody, CreatedApiKey } from "@/lib/schemas/api-keys";
import { withRoute } from "@/server/http/route";
import { createApiKey, listApiKeys } from "@/server/features/api-keys/service";

export const GET = withRoute({ auth: "session", role: "admin", response: z.array(ApiKeySummary) }, ({ ws }) =>
  listApiKeys(ws),
);

export const POST = withRoute(
  { auth: "session", role: "admin", body: CreateApiKeyBody, response: CreatedApiKey, status: 201 },
  ({ ws, body }) => createApiKey(ws, body),
);
