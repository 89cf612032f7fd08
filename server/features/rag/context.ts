import type { WorkspaceCtx } from "@/server/context";
import type { CallContext } from "@/server/inference/gateway";

/** The gateway's view of who is calling (ledger rows, per-user budgets and limits). */
export function callContext(ws: WorkspaceCtx, requestId?: string): CallContext {
  return {
    workspaceId: ws.workspaceId,
    userId: ws.actor.type === "user" ? ws.actor.id : null,
    userLabel: ws.actor.label,
    requestId: requestId ?? ws.requestId,
  };
}
