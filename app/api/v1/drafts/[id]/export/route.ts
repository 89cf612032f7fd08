import { withRoute } from "@/server/http/route";
import { v1, v1Route } from "@/server/http/v1-contract";
import { draftDetail } from "@/server/features/generation/service";
import { exportDraft, fileResponse } from "@/server/features/generation/export";
import { generationSettings } from "@/server/features/generation/settings";

export const GET = withRoute(v1Route(v1.exportDraft), async ({ ws, params, query }) => {
  const [draft, settings] = await Promise.all([draftDetail(ws, params.id), generationSettings(ws.db, ws.workspaceId)]);
  return fileResponse(exportDraft(draft, query.as, { name: settings.senderName }));
});
