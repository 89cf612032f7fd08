import { Megaphone } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { FeatureList } from "@/components/ui/feature-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Campaigns · Lectern" };

export default function CampaignsPage() {
  return (
    <>
      <PageHeader
        title="Campaigns"
        description={"Group related drafts into campaigns and keep their deadlines in view."}
      />
      <EmptyState
        icon={Megaphone}
        title={"No campaigns yet"}
        description={
          "Campaigns will group the ads, emails and SEO pages for one launch under a single name and deadline, so you can see at a glance what is drafted, in review and ready. Creating campaigns arrives in a later release."
        }
      >
        <FeatureList
          items={[
            "A campaign name, goal and deadline shared by all of its drafts",
            "Progress by status: drafted, in review, approved and published",
            "Upcoming deadlines surfaced before they slip",
          ]}
        />
      </EmptyState>
    </>
  );
}
