import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { scanForWorkspace } from "@/server/features/guardrails/service";

export const POST = withRoute(v1Route(v1.scanGuardrails), ({ ws, body }) => scanForWorkspace(ws, body));
