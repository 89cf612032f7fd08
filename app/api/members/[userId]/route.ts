import { z } from "zod";
import { ChangeRoleBody, Id } from "@/lib/schemas/workspace";
import { withRoute } from "@/server/http/route";
import { changeMemberRole, removeMember } from "@/server/features/members/service";

const Params = z.object({ userId: Id });

export const PATCH = withRoute(
  { auth: "session", role: "admin", params: Params, body: ChangeRoleBody, status: 204 },
  ({ ws, params, body }) => changeMemberRole(ws, params.userId, body.role),
);

export const DELETE = withRoute({ auth: "session", role: "admin", params: Params, status: 204 }, ({ ws, params }) =>
  removeMember(ws, params.userId),
);
