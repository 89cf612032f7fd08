"use client";

import { Megaphone } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Loading } from "@/components/inference/fields";
import { formatDay } from "@/components/knowledge/format";
import { STATUS } from "@/components/drafts/labels";
import { CHANNEL_LABELS } from "@/lib/schemas/brand";
import { DRAFT_STATUSES, type CampaignOut } from "@/lib/schemas/drafts";
import { CampaignForm } from "./campaign-form";
import { useCampaigns } from "./use-campaigns";

function dates(c: CampaignOut): string {
  if (!c.startsOn && !c.endsOn) return "—";
  return `${formatDay(c.startsOn)} – ${c.endsOn ? formatDay(c.endsOn) : "open"}`;
}

function Counts({ c }: { c: CampaignOut }) {
  const present = DRAFT_STATUSES.filter((s) => c.counts[s]);
  if (!present.length) return <span className="text-muted-foreground">No drafts</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {present.map((s) => (
        <Badge key={s} tone={STATUS[s].tone}>
          {c.counts[s]} {STATUS[s].label.toLowerCase()}
        </Badge>
      ))}
    </span>
  );
}

function CampaignTable({ items }: { items: CampaignOut[] }) {
  return (
    <DataTable caption="Campaigns" columns={["Campaign", "Channel", "Dates", "Drafts by status", "Total"]}>
      {items.map((c) => (
        <tr key={c.id} data-testid="campaign-row">
          <td className="max-w-64 py-2.5 pr-4">
            <Link
              href={`/drafts?campaignId=${encodeURIComponent(c.id)}`}
              className="text-foreground font-medium break-words hover:underline"
              aria-label={`${c.name}: show its drafts`}
            >
              {c.name}
            </Link>
            <div className="text-muted-foreground text-xs break-words">{c.audience ?? "No audience set"}</div>
            {c.status === "archived" ? <Badge className="mt-1">Archived</Badge> : null}
          </td>
          <td className="py-2.5 pr-4 whitespace-nowrap">{c.channel ? CHANNEL_LABELS[c.channel] : "Any"}</td>
          <td className="py-2.5 pr-4 whitespace-nowrap">{dates(c)}</td>
          <td className="py-2.5 pr-4">
            <Counts c={c} />
          </td>
          <td className="py-2.5 tabular-nums">{c.total}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** `/campaigns`: the workspace's campaigns with their drafts by status, and a form for a new one. */
export function CampaignsPanel() {
  const campaigns = useCampaigns();
  const [notice, setNotice] = useState<string | null>(null);
  let list;
  if (campaigns.isPending) list = <Loading>Loading campaigns…</Loading>;
  else if (campaigns.isError) list = <Alert tone="danger">{campaigns.error.message}</Alert>;
  else if (!campaigns.data.length)
    list = (
      <EmptyState
        icon={Megaphone}
        title="No campaigns yet"
        description="A campaign groups the ads, emails and SEO pages of one launch, so you can see what is drafted, in review and ready. Create the first one with the form."
      />
    );
  else
    list = (
      <Card>
        <CardHeader>
          <CardTitle>All campaigns</CardTitle>
        </CardHeader>
        <CardContent>
          <CampaignTable items={campaigns.data} />
        </CardContent>
      </Card>
    );
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-4">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {list}
      </div>
      <CampaignForm onCreated={(c) => setNotice(`Created the campaign “${c.name}”.`)} />
    </div>
  );
}
