import { Palette } from "lucide-react";
import type { Metadata } from "next";

import { EmptyState } from "@/components/ui/empty-state";
import { FeatureList } from "@/components/ui/feature-list";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Brand · Lectern" };

export default function BrandPage() {
  return (
    <>
      <PageHeader
        title="Brand"
        description={"How this workspace sounds: brand voice, terminology, banned claims and required disclaimers."}
      />
      <EmptyState
        icon={Palette}
        title={"No brand rules yet"}
        description={
          "Your brand voice, preferred terminology, banned claims and required disclaimers will be defined here as Vale-compatible rules that the governor checks on every draft. Editing brand rules arrives in a later release."
        }
      >
        <FeatureList
          items={[
            "A written brand voice that guides tone for each channel",
            "Preferred terms and substitutions, for example “sign up” rather than “register”",
            "Banned claims and required disclaimers, as Vale-compatible rules you can import and export",
          ]}
        />
      </EmptyState>
    </>
  );
}
