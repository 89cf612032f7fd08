import { ChartColumn } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { FeatureList } from "@/components/ui/feature-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Usage · Lectern" };

export default function UsagePage() {
  return (
    <>
      <PageHeader
        title="Usage"
        description={"What generation costs this workspace: spend, tokens, latency and cache efficiency."}
      />
      <EmptyState
        icon={ChartColumn}
        title={"No usage recorded yet"}
        description={
          "Once drafts are generated, this page will report cost, tokens, latency and cache hit rate over time, and track spend against the budgets you set. Usage reporting arrives in a later release."
        }
      >
        <FeatureList
          items={[
            "Cost and token counts per day, per provider and per model",
            "Latency and cache hit rate, to see where time and money go",
            "Budgets with alerts before spend passes the limit",
          ]}
        />
      </EmptyState>
    </>
  );
}
