import { z } from "zod";
import { db } from "@/server/db";
import { unstable_update } from "@/server/auth/config";
import { withRoute } from "@/server/http/route";
import { acceptInvitation } from "@/server/features/members/service";

/** A signed-in person with an account accepts an invitation addressed to them, and switches to that workspace. */
export const POST = withRoute(
  {
    auth: "user",
    body: z.object({ token: z.string().min(20).max(200) }),
    response: z.object({ workspaceId: z.string() }),
  },
  async ({ user, body, requestId }) => {
    const r = await acceptInvitation(db(), { token: body.token, signedInUserId: user.id }, requestId);
    await unstable_update({ workspaceId: r.workspaceId });
    return { workspaceId: r.workspaceId };
  },
);
