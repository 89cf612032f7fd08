import { Inbox } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { FeatureList } from "@/components/ui/feature-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Review · Lectern" };

export default function ReviewPage() {
  return (
    <>
      <PageHeader
        title="Review"
        description={
          "The editors' queue of drafts the governor flagged, to resolve before anything is approved or published."
        }
      />
      <EmptyState
        icon={Inbox}
        title={"The review queue is empty"}
        description={
          "Flagged drafts will wait here for an editor: governor alerts, claims the knowledge base does not support, personal data (PII) and channel-limit violations such as an over-long subject line or ad headline. Reviewing arrives in a later release."
        }
      >
        <FeatureList
          items={[
            "Each flag pinned to the exact sentence and the rule or source behind it",
            "Unsupported claims shown next to the passages that were retrieved for them",
            "Approve, or send back with a note, once every flag is resolved",
          ]}
        />
      </EmptyState>
    </>
  );
}
