import { BookOpen } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { FeatureList } from "@/components/ui/feature-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Knowledge · Lectern" };

export default function KnowledgePage() {
  return (
    <>
      <PageHeader
        title="Knowledge"
        description={"The workspace knowledge base that grounds every draft: product sheets, policies and pricing."}
      />
      <EmptyState
        icon={BookOpen}
        title={"No sources yet"}
        description={
          "Product sheets, policies and price lists you add will be ingested, split into chunks and embedded, so generation retrieves the relevant passages and cites them for every claim. Adding sources arrives in a later release."
        }
      >
        <FeatureList
          items={[
            "Ingest documents such as product sheets, policies and price lists",
            "Chunking and embeddings for retrieval by meaning, not just keywords",
            "Cited retrieval: every generated claim links back to the passage it came from",
          ]}
        />
      </EmptyState>
    </>
  );
}
