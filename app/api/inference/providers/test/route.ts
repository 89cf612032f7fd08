import { z } from "zod";
import { withRoute } from "@/server/http/route";
import { adminDeps } from "@/server/inference";
import { testConnection, TestConnectionBody } from "@/server/inference/admin/service";

export const POST = withRoute(
  {
    auth: "session",
    role: "admin",
    body: TestConnectionBody,
    response: z.object({ ok: z.boolean(), model: z.string().nullable(), latencyMs: z.number(), message: z.string() }),
  },
  ({ ws, body }) => testConnection(ws, adminDeps(), body),
);
