import { GenerationSettingsBody, GenerationSettingsOut } from "@/lib/schemas/drafts";
import { withRoute } from "@/server/http/route";
import { generationSettings, saveGenerationSettings } from "@/server/features/generation/settings";

export const GET = withRoute({ auth: "session", role: "marketer", response: GenerationSettingsOut }, ({ ws }) =>
  generationSettings(ws.db, ws.workspaceId),
);

export const PUT = withRoute(
  { auth: "session", role: "admin", body: GenerationSettingsBody, response: GenerationSettingsOut },
  ({ ws, body }) => saveGenerationSettings(ws, body),
);
