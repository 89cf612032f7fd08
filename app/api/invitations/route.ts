import { CreatedInvitation, InviteBody } from "@/lib/schemas/workspace";
import { withRoute } from "@/server/http/route";
import { inviteMember } from "@/server/features/members/service";

export const POST = withRoute(
  { auth: "session", role: "admin", body: InviteBody, response: CreatedInvitation, status: 201 },
  ({ ws, body }) => inviteMember(ws, body),
);
