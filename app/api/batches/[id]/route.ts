import { z } from "zod";
import { BatchAction, BatchOut } from "@/lib/schemas/batches";
import { withRoute } from "@/server/http/route";
import { controlBatch, getBatch } from "@/server/features/generation/batch";
import { batchDeps } from "@/server/features/generation/runtime";

const Params = z.object({ id: z.string().min(1).max(100) });

export const GET = withRoute(
  { auth: "session", role: "marketer", params: Params, response: BatchOut },
  ({ ws, params }) => getBatch(ws.db, ws.workspaceId, params.id),
);

/** `{ "action": "pause" | "resume" | "cancel" }` */
export const POST = withRoute(
  { auth: "session", role: "marketer", params: Params, body: BatchAction, response: BatchOut },
  ({ ws, params, body }) => controlBatch(batchDeps(), ws, params.id, body.action),
);
