import { publicOrigin } from "@/server/http/origin";
import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { inviteMember } from "@/server/features/members/service";

export const POST = withRoute(v1Route(v1.createInvitation), async ({ ws, body, req }) => {
  const inv = await inviteMember(ws, body);
  return { ...inv, acceptUrl: new URL(inv.acceptUrl, publicOrigin(req)).toString() };
});
