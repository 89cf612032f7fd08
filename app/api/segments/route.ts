import { SegmentBody, SegmentList, SegmentOut } from "@/lib/schemas/drafts";
import { withRoute } from "@/server/http/route";
import { createSegment, listSegments } from "@/server/features/generation/campaigns";

export const GET = withRoute({ auth: "session", role: "marketer", response: SegmentList }, ({ ws }) =>
  listSegments(ws),
);

export const POST = withRoute(
  { auth: "session", role: "admin", body: SegmentBody, response: SegmentOut, status: 201 },
  ({ ws, body }) => createSegment(ws, body),
);
