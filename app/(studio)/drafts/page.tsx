import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";

import { DraftsPanel } from "@/components/drafts/drafts-panel";
import { PlaygroundDetails } from "@/components/drafts/playground-details";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Channel } from "@/lib/schemas/brand";
import { DraftStatus } from "@/lib/schemas/drafts";
import { requirePageAccess } from "@/server/auth/context";

export const metadata: Metadata = { title: "Drafts · Lectern" };

type Search = Record<string, string | string[] | undefined>;

function param(s: Search, key: string): string {
  const v = s[key];
  return typeof v === "string" ? v.slice(0, 200) : "";
}

export default async function DraftsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const s = await requirePageAccess();
  const sp = await searchParams;
  const channel = Channel.safeParse(param(sp, "channel"));
  const status = DraftStatus.safeParse(param(sp, "status"));
  return (
    <>
      <PageHeader
        title="Drafts"
        description="Ads, emails and SEO pages generated from a brief, grounded in your knowledge base and checked against the brand voice."
        actions={
          <Link href="/drafts/new" className={buttonVariants()}>
            <Plus aria-hidden="true" />
            New draft
          </Link>
        }
      />
      <DraftsPanel
        initial={{
          channel: channel.success ? channel.data : "",
          status: status.success ? status.data : "",
          campaignId: param(sp, "campaignId").slice(0, 100),
          q: param(sp, "q"),
        }}
      />
      <PlaygroundDetails workspaceName={s.active.name} />
    </>
  );
}
