import { z } from "zod";
import { JobOut } from "@/lib/schemas/knowledge";
import { withRoute } from "@/server/http/route";
import { getJob } from "@/server/features/rag/service";
import { knowledgeDeps } from "@/server/features/rag/runtime";

export const GET = withRoute(
  { auth: "session", role: "marketer", params: z.object({ id: z.string().min(1).max(100) }), response: JobOut },
  ({ ws, params }) => getJob(knowledgeDeps(), ws, params.id),
);
