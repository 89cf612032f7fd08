import { z } from "zod";
import { CreateProviderBody, ProviderSummary } from "@/lib/schemas/inference";
import { withRoute } from "@/server/http/route";
import { adminDeps } from "@/server/inference";
import { createProvider, listProviders } from "@/server/inference/admin/service";

export const GET = withRoute({ auth: "session", role: "admin", response: z.array(ProviderSummary) }, ({ ws }) =>
  listProviders(ws, adminDeps()),
);

export const POST = withRoute(
  { auth: "session", role: "admin", body: CreateProviderBody, response: ProviderSummary, status: 201 },
  ({ ws, body }) => createProvider(ws, adminDeps(), body),
);
