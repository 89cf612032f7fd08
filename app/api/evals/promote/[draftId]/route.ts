import { z } from "zod";
import { GoldenCaseOut, PromoteBody, PromotionPreview } from "@/lib/schemas/golden-sets";
import { withRoute } from "@/server/http/route";
import { previewPromotion, promoteDraft } from "@/server/features/evals/promotion";

const Params = z.object({ draftId: z.string().min(1).max(64) });

export const GET = withRoute(
  { auth: "session", role: "editor", params: Params, response: PromotionPreview },
  ({ ws, params }) => previewPromotion(ws, params.draftId),
);

export const POST = withRoute(
  {
    auth: "session",
    role: "editor",
    params: Params,
    body: PromoteBody,
    response: GoldenCaseOut.extend({ setName: z.string() }),
    status: 201,
  },
  ({ ws, params, body }) => promoteDraft(ws, params.draftId, body),
);
