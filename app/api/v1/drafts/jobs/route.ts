import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { queueDraft } from "@/server/features/generation/service";
import { batchDeps } from "@/server/features/generation/runtime";

export const POST = withRoute(v1Route(v1.queueDraft), ({ ws, body }) => queueDraft(batchDeps(), ws, body));
