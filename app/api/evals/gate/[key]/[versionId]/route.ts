import { z } from "zod";
import { GateVerdict } from "@/lib/schemas/golden-sets";
import { withRoute } from "@/server/http/route";
import { checkGate } from "@/server/features/evals/gate";

const Params = z.object({ key: z.string().regex(/^[a-z][a-z0-9_.-]{1,80}$/), versionId: z.string().min(1).max(64) });

/** Whether moving the prompt's `production` label to this version would pass the eval gate. */
export const GET = withRoute(
  { auth: "session", role: "admin", params: Params, response: GateVerdict },
  ({ ws, params }) => checkGate(ws, params.key, params.versionId),
);
