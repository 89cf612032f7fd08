import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { listPublishedPages } from "@/server/features/publishing/publish";

export const GET = withRoute(v1Route(v1.listPublishedPages), ({ ws, query }) => listPublishedPages(ws, query));
