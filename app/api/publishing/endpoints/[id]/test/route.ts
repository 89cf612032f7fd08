import { z } from "zod";
import { TestEventResult } from "@/lib/schemas/publishing";
import { withRoute } from "@/server/http/route";
import { sendTestEvent } from "@/server/features/publishing/endpoints";
import { endpointDeps } from "@/server/features/publishing/runtime";

const Params = z.object({ id: z.string().min(1).max(100) });

export const POST = withRoute(
  { auth: "session", role: "admin", params: Params, response: TestEventResult, status: 202 },
  ({ ws, params }) => sendTestEvent(ws, params.id, endpointDeps()),
);
