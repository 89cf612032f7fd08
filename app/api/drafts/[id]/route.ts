import { z } from "zod";
import { DraftDetail } from "@/lib/schemas/drafts";
import { withRoute } from "@/server/http/route";
import { draftDetail } from "@/server/features/generation/service";
import { EditDraftBody } from "@/lib/schemas/review";
import { editDraft } from "@/server/features/review/service";
import { reviewDeps } from "@/server/features/review/runtime";

const Params = z.object({ id: z.string().min(1).max(100) });

export const GET = withRoute(
  { auth: "session", role: "marketer", params: Params, response: DraftDetail },
  ({ ws, params }) => draftDetail(ws, params.id),
);

/** Edit in place: the draft is re-checked (lint, grounding, limits, JSON-LD) and a revision kept. */
export const PATCH = withRoute(
  { auth: "session", role: "marketer", params: Params, body: EditDraftBody, response: DraftDetail },
  ({ ws, params, body }) => editDraft(reviewDeps(), ws, params.id, body),
);
