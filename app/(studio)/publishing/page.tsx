import { Send } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { FeatureList } from "@/components/ui/feature-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Publishing · Lectern" };

export default function PublishingPage() {
  return (
    <>
      <PageHeader
        title="Publishing"
        description={"Deliver approved content to your CMS and other systems through signed webhooks."}
      />
      <EmptyState
        icon={Send}
        title={"Nothing published yet"}
        description={
          "Approved content will be sent to your CMS as signed Standard Webhooks deliveries. Each delivery will be listed here with its status and the endpoint's response, retried automatically on failure and replayable on demand. Publishing arrives in a later release."
        }
      >
        <FeatureList
          items={[
            "Deliveries signed per the Standard Webhooks specification, so receivers can verify them",
            "Automatic retries with backoff when an endpoint is down or returns an error",
            "A delivery log with the response of every attempt, and replay of any past delivery",
          ]}
        />
      </EmptyState>
    </>
  );
}
