import { Lock } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { PublishingView } from "@/components/publishing/publishing-view";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/schemas/roles";
import { requirePageAccess } from "@/server/auth/context";

export const metadata: Metadata = { title: "Publishing · Lectern" };

/**
 * Webhook deliveries, endpoints and published pages. Marketers see the page in the navigation, so
 * they get an explanation rather than a 403; editors follow deliveries; admins also manage endpoints.
 */
export default async function PublishingPage() {
  const s = await requirePageAccess();
  const role = s.active.role;
  return (
    <>
      <PageHeader
        title="Publishing"
        description="Deliver approved content to your CMS and other systems through signed webhooks, follow every delivery and replay the ones that failed."
      />
      {hasRole(role, "editor") ? (
        <PublishingView role={hasRole(role, "admin") ? "admin" : "editor"} />
      ) : (
        <EmptyState
          icon={Lock}
          title="Publishing is managed by editors and admins"
          description="Admins connect your CMS through signed webhooks, and editors publish approved pages and follow their deliveries here. Your drafts reach publishing once an editor approves them; the draft page shows where each one was published."
          action={
            <Link href="/drafts" className={buttonVariants({ variant: "secondary" })}>
              Back to your drafts
            </Link>
          }
        />
      )}
    </>
  );
}
