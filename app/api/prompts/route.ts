import { withRoute } from "@/server/http/route";
import { listPromptVersions } from "@/server/inference/prompts/service";

export const GET = withRoute({ auth: "session", role: "admin" }, ({ ws }) => listPromptVersions(ws));
