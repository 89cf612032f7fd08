import { z } from "zod";
import { PublishedPageList } from "@/lib/schemas/publishing";
import { withRoute } from "@/server/http/route";
import { listPublishedPages } from "@/server/features/publishing/publish";

const Query = z.object({
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const GET = withRoute(
  { auth: "session", role: "editor", query: Query, response: PublishedPageList },
  ({ ws, query }) => listPublishedPages(ws, query),
);
