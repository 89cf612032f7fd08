import { BulkApproveBody, BulkApproveResult } from "@/lib/schemas/review";
import { withRoute } from "@/server/http/route";
import { bulkApprove } from "@/server/features/review/service";

export const POST = withRoute(
  { auth: "session", role: "editor", body: BulkApproveBody, response: BulkApproveResult },
  ({ ws, body }) => bulkApprove(ws, body),
);
