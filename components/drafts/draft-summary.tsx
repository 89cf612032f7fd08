import Link from "next/link";
import type { ReactNode } from "react";
import { LocalDate } from "@/components/knowledge/local-date";
import type { DraftDetail } from "@/lib/schemas/drafts";
import { FlagSummary, StatusBadge, VerdictBadge } from "./badges";
import { formatGrounding } from "./labels";

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="text-sm font-medium">{children}</dd>
    </div>
  );
}

/** The draft at a glance, under its title: status, verdict, scores, flags, who and when, campaign. */
export function DraftSummaryBar({ draft }: { draft: DraftDetail }) {
  return (
    <dl
      className="border-border bg-card shadow-card mb-6 grid grid-cols-2 gap-x-6 gap-y-4 rounded-lg border p-4 sm:grid-cols-4 lg:grid-cols-7"
      data-testid="draft-summary"
    >
      <Item label="Status">
        <StatusBadge status={draft.status} />
      </Item>
      <Item label="Verdict">
        <VerdictBadge verdict={draft.verdict} />
      </Item>
      <Item label="Governance">
        <span className="tabular-nums">{draft.governanceScore}/100</span>
      </Item>
      <Item label="Grounding">
        <span className="tabular-nums">{formatGrounding(draft.groundingScore)}</span>
      </Item>
      <Item label="Flags">
        <FlagSummary count={draft.flagCount} level={draft.flagLevel} />
      </Item>
      <Item label="Created">
        <LocalDate value={draft.createdAt} />
        <span className="text-muted-foreground block truncate text-xs font-normal" title={draft.createdBy ?? undefined}>
          {draft.createdBy ?? "API"}
        </span>
      </Item>
      <Item label={draft.segment ? "Campaign · segment" : "Campaign"}>
        {draft.campaign ? (
          <Link
            href={`/drafts?campaignId=${encodeURIComponent(draft.campaign.id)}`}
            className="text-primary break-words hover:underline"
          >
            {draft.campaign.name}
          </Link>
        ) : (
          <span className="text-muted-foreground font-normal">None</span>
        )}
        {draft.segment ? <span className="block text-xs font-normal">{draft.segment.name}</span> : null}
      </Item>
    </dl>
  );
}
