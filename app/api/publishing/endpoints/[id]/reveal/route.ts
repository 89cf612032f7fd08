import { z } from "zod";
import { RevealedSecret } from "@/lib/schemas/publishing";
import { withRoute } from "@/server/http/route";
import { revealSecret } from "@/server/features/publishing/endpoints";
import { endpointDeps } from "@/server/features/publishing/runtime";

const Params = z.object({ id: z.string().min(1).max(100) });

/** POST, not GET: revealing a secret is an audited action and must never be cached or prefetched. */
export const POST = withRoute(
  { auth: "session", role: "admin", params: Params, response: RevealedSecret },
  ({ ws, params }) => revealSecret(ws, params.id, endpointDeps()),
);
