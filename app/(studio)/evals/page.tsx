import { FlaskConical } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { FeatureList } from "@/components/ui/feature-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Evals · Lectern" };

export default function EvalsPage() {
  return (
    <>
      <PageHeader title="Evals" description={"Measure output quality before you change a prompt or a provider."} />
      <EmptyState
        icon={FlaskConical}
        title={"No eval runs yet"}
        description={
          "Golden sets of reference briefs and side-by-side comparisons of prompt versions will live here, so you can see whether a change improves grounding and brand compliance before rolling it out. Evals arrive in a later release."
        }
      >
        <FeatureList
          items={[
            "Golden sets: reference briefs with the qualities a good draft must have",
            "Side-by-side runs comparing two prompt versions on the same golden set",
            "Scores for grounding, brand-rule compliance and channel limits",
          ]}
        />
      </EmptyState>
    </>
  );
}
