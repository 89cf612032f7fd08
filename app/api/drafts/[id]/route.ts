import { z } from "zod";
import { DraftDetail } from "@/lib/schemas/drafts";
import { withRoute } from "@/server/http/route";
import { draftDetail } from "@/server/features/generation/service";

const Params = z.object({ id: z.string().min(1).max(100) });

export const GET = withRoute(
  { auth: "session", role: "marketer", params: Params, response: DraftDetail },
  ({ ws, params }) => draftDetail(ws, params.id),
);
