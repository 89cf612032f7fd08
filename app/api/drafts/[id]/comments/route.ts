import { z } from "zod";
import { CommentBody, CommentList, DraftComment } from "@/lib/schemas/review";
import { withRoute } from "@/server/http/route";
import { addComment, listComments } from "@/server/features/review/service";

const Params = z.object({ id: z.string().min(1).max(100) });

export const GET = withRoute(
  { auth: "session", role: "marketer", params: Params, response: CommentList },
  ({ ws, params }) => listComments(ws, params.id),
);

export const POST = withRoute(
  { auth: "session", role: "marketer", params: Params, body: CommentBody, response: DraftComment, status: 201 },
  ({ ws, params, body }) => addComment(ws, params.id, body),
);
