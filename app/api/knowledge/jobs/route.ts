import { z } from "zod";
import { JobList } from "@/lib/schemas/knowledge";
import { withRoute } from "@/server/http/route";
import { listKnowledgeJobs } from "@/server/features/rag/service";
import { knowledgeDeps } from "@/server/features/rag/runtime";

const Query = z.object({ active: z.enum(["0", "1"]).default("0") });

export const GET = withRoute({ auth: "session", role: "marketer", query: Query, response: JobList }, ({ ws, query }) =>
  listKnowledgeJobs(knowledgeDeps(), ws, { active: query.active === "1" }),
);
