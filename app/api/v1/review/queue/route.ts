import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { listQueue } from "@/server/features/review/service";

export const GET = withRoute(v1Route(v1.listReviewQueue), ({ ws, query }) => listQueue(ws, query));
