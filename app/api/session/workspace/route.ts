import { SwitchWorkspaceBody, WorkspaceInfo } from "@/lib/schemas/workspace";
import { unstable_update } from "@/server/auth/config";
import { db } from "@/server/db";
import { withRoute } from "@/server/http/route";
import { assertCanSwitchTo } from "@/server/features/workspaces/service";

/** Switches the session's active workspace. */
export const POST = withRoute(
  { auth: "user", body: SwitchWorkspaceBody, response: WorkspaceInfo.omit({ createdAt: true }) },
  async ({ user, body }) => {
    const w = await assertCanSwitchTo(db(), user.id, body.workspaceId);
    await unstable_update({ workspaceId: w.id });
    return { id: w.id, slug: w.slug, name: w.name };
  },
);
