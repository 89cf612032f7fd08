import { KnowledgeSettingsBody, KnowledgeSettingsOut } from "@/lib/schemas/knowledge";
import { withRoute } from "@/server/http/route";
import { getKnowledgeSettings, updateKnowledgeSettings } from "@/server/features/rag/service";
import { knowledgeDeps } from "@/server/features/rag/runtime";

export const GET = withRoute({ auth: "session", role: "marketer", response: KnowledgeSettingsOut }, ({ ws }) =>
  getKnowledgeSettings(knowledgeDeps(), ws),
);

export const PUT = withRoute(
  { auth: "session", role: "admin", body: KnowledgeSettingsBody, response: KnowledgeSettingsOut },
  ({ ws, body }) => updateKnowledgeSettings(knowledgeDeps(), ws, body),
);
