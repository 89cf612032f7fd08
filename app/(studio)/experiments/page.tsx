import type { Metadata } from "next";
import { headers } from "next/headers";

import { ExperimentsView } from "@/components/experiments/experiments-view";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/schemas/roles";
import { requirePageAccess } from "@/server/auth/context";
import { env } from "@/server/env";

export const metadata: Metadata = { title: "Experiments · Lectern" };

/** Everyone in the workspace follows experiments; editors and admins start and stop them. */
export default async function ExperimentsPage() {
  const s = await requirePageAccess();
  const h = await headers();
  // For the curl lines only: the configured public URL, else the host this page was served on.
  const origin = env().publicUrl ?? `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost:3000"}`;
  return (
    <>
      <PageHeader
        title="Experiments"
        description="A/B test subjects, ad variants and headlines of approved drafts. A bandit shifts traffic to the text that performs best, after a fair start."
      />
      <ExperimentsView canEdit={hasRole(s.active.role, "editor")} origin={origin.replace(/\/$/, "")} />
    </>
  );
}
