import { z } from "zod";
import { PublicationState } from "@/lib/schemas/publishing";
import { withRoute } from "@/server/http/route";
import { publicationState } from "@/server/features/publishing/publish";

const Params = z.object({ id: z.string().min(1).max(100) });

export const GET = withRoute(
  { auth: "session", role: "marketer", params: Params, response: PublicationState },
  ({ ws, params }) => publicationState(ws, params.id),
);
