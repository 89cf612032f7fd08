import { TestResult } from "@/lib/schemas/inference";
import { withRoute } from "@/server/http/route";
import { adminDeps } from "@/server/inference";
import { testConnection, TestConnectionBody } from "@/server/inference/admin/service";

export const POST = withRoute(
  {
    auth: "session",
    role: "admin",
    body: TestConnectionBody,
    response: TestResult,
  },
  ({ ws, body }) => testConnection(ws, adminDeps(), body),
);
