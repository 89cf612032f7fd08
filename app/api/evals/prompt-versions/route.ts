import { EVALUATED_PROMPT_KEYS } from "@/lib/schemas/golden-sets";
import { withRoute } from "@/server/http/route";
import { listPromptVersions } from "@/server/inference/prompts/service";

/** The versions of the prompts golden sets judge, for editors choosing what a run evaluates. */
export const GET = withRoute({ auth: "session", role: "editor" }, async ({ ws }) =>
  (await listPromptVersions(ws)).filter((v) => (EVALUATED_PROMPT_KEYS as readonly string[]).includes(v.key)),
);
