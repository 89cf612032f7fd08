import { CampaignBody, CampaignList, CampaignOut } from "@/lib/schemas/drafts";
import { withRoute } from "@/server/http/route";
import { createCampaign, listCampaigns } from "@/server/features/generation/campaigns";

export const GET = withRoute({ auth: "session", role: "marketer", response: CampaignList }, ({ ws }) =>
  listCampaigns(ws),
);

export const POST = withRoute(
  { auth: "session", role: "marketer", body: CampaignBody, response: CampaignOut, status: 201 },
  ({ ws, body }) => createCampaign(ws, body),
);
