import { z } from "zod";
import { withRoute } from "@/server/http/route";
import { draftDetail } from "@/server/features/generation/service";
import { ExportQuery, exportDraft, fileResponse } from "@/server/features/generation/export";
import { generationSettings } from "@/server/features/generation/settings";

const Params = z.object({ id: z.string().min(1).max(100) });

/** `?as=csv|json|eml|html`: Google Ads Editor CSV, JSON, email as .eml, SEO page as HTML. */
export const GET = withRoute(
  { auth: "session", role: "marketer", params: Params, query: ExportQuery },
  async ({ ws, params, query }) => {
    const [draft, settings] = await Promise.all([
      draftDetail(ws, params.id),
      generationSettings(ws.db, ws.workspaceId),
    ]);
    return fileResponse(exportDraft(draft, query.as, { name: settings.senderName }));
  },
);
