import { Lock } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { ReviewQueue } from "@/components/review/queue/review-queue";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/schemas/roles";
import { requirePageAccess } from "@/server/auth/context";

export const metadata: Metadata = { title: "Review · Lectern" };

/** The editors' queue. Marketers see the page in the navigation, so they get an explanation, not a 403. */
export default async function ReviewPage() {
  const s = await requirePageAccess();
  const canReview = hasRole(s.active.role, "editor");
  return (
    <>
      <PageHeader
        title="Review"
        description="Drafts that need a person: flagged by the governor, the grounding check or the guardrails, or waiting for an editor's approval."
      />
      {canReview ? (
        <ReviewQueue workspaceId={s.active.id} currentUserId={s.user.id} isAdmin={hasRole(s.active.role, "admin")} />
      ) : (
        <EmptyState
          icon={Lock}
          title="Reviewing is for editors"
          description="Editors and admins approve drafts or send them back with a note. You will get a notification (the bell at the top) when one of your drafts is decided."
          action={
            <Link href="/drafts?status=in_review" className={buttonVariants({ variant: "secondary" })}>
              See drafts in review
            </Link>
          }
        />
      )}
    </>
  );
}
