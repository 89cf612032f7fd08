import { Globe } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { FeatureList } from "@/components/ui/feature-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "SEO · Lectern" };

export default function SeoPage() {
  return (
    <>
      <PageHeader
        title="SEO"
        description={
          "Programmatic SEO pages built from one template and a dataset, with structured data validated before publishing."
        }
      />
      <EmptyState
        icon={Globe}
        title={"No SEO pages yet"}
        description={
          "Pages generated from a template and many data rows will be listed here, each with its schema.org JSON-LD validated so invalid structured data never reaches your site. Page generation arrives in a later release."
        }
      >
        <FeatureList
          items={[
            "One template and many rows, for example one page per city, product or integration",
            "schema.org JSON-LD generated and validated for every page",
            "Titles and meta descriptions checked against search-result length limits",
          ]}
        />
      </EmptyState>
    </>
  );
}
