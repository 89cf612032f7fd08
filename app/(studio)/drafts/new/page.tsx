import type { Metadata } from "next";

import { BackLink } from "@/components/drafts/back-link";
import { NewDraftForm } from "@/components/drafts/new-draft-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageAccess } from "@/server/auth/context";

export const metadata: Metadata = { title: "New draft · Drafts · Lectern" };

export default async function NewDraftPage() {
  await requirePageAccess();
  return (
    <>
      <PageHeader
        eyebrow={<BackLink />}
        title="New draft"
        description="Pick a format and write a brief. The pipeline retrieves your knowledge, drafts the copy, checks it against the channel's limits and the brand voice, and saves it for review."
      />
      <NewDraftForm />
    </>
  );
}
