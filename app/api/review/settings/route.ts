import { ReviewSettings } from "@/lib/schemas/review";
import { withRoute } from "@/server/http/route";
import { reviewSettings, saveReviewSettings } from "@/server/features/review/service";

export const GET = withRoute({ auth: "session", role: "marketer", response: ReviewSettings }, ({ ws }) =>
  reviewSettings(ws.db, ws.workspaceId),
);

export const PUT = withRoute(
  { auth: "session", role: "admin", body: ReviewSettings, response: ReviewSettings },
  ({ ws, body }) => saveReviewSettings(ws, body),
);
