import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { reviewState } from "@/server/features/review/service";

export const GET = withRoute(v1Route(v1.getReviewState), ({ ws, params }) => reviewState(ws, params.id));
