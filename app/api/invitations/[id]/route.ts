import { z } from "zod";
import { Id } from "@/lib/schemas/workspace";
import { withRoute } from "@/server/http/route";
import { revokeInvitation } from "@/server/features/members/service";

export const DELETE = withRoute(
  { auth: "session", role: "admin", params: z.object({ id: Id }), status: 204 },
  ({ ws, params }) => revokeInvitation(ws, params.id),
);
