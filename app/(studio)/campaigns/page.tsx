import type { Metadata } from "next";

import { CampaignsPanel } from "@/components/campaigns/campaigns-panel";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageAccess } from "@/server/auth/context";

export const metadata: Metadata = { title: "Campaigns · Lectern" };

export default async function CampaignsPage() {
  await requirePageAccess();
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Group the drafts of one launch and see at a glance what is drafted, in review and ready."
      />
      <CampaignsPanel />
    </>
  );
}
