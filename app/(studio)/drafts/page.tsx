import { FileText } from "lucide-react";
import type { Metadata } from "next";

import { Playground } from "@/components/inference/playground";
import { EmptyState } from "@/components/ui/empty-state";
import { FeatureList } from "@/components/ui/feature-list";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageAccess } from "@/server/auth/context";

export const metadata: Metadata = { title: "Drafts · Lectern" };

export default async function DraftsPage() {
  const s = await requirePageAccess();
  return (
    <>
      <PageHeader
        title="Drafts"
        description={
          "Ads, emails and landing-page copy generated for this workspace, each grounded in your knowledge base."
        }
      />
      <Playground workspaceName={s.active.name} />
      <EmptyState
        icon={FileText}
        title={"No drafts yet"}
        description={
          "Drafts you generate from a brief or a CSV will appear here, with their grounding score, governor verdict and review status. Generation arrives in a later release."
        }
      >
        <FeatureList
          items={[
            "Generate from a single brief, or in bulk from a CSV with one draft per row",
            "A grounding score for every draft, with citations back to knowledge-base sources",
            "The governor's verdict on brand rules and channel limits before a draft goes to review",
          ]}
        />
      </EmptyState>
    </>
  );
}
