import { MembersResponse } from "@/lib/schemas/workspace";
import { withRoute } from "@/server/http/route";
import { listMembers } from "@/server/features/members/service";

export const GET = withRoute({ auth: "session", role: "admin", response: MembersResponse }, ({ ws }) =>
  listMembers(ws),
);
