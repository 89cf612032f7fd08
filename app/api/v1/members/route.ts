import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { listMembers } from "@/server/features/members/service";

export const GET = withRoute(v1Route(v1.listMembers), ({ ws }) => listMembers(ws));
