"use client";

import { useId } from "react";
import { cn } from "@/components/lib/cn";
import { FLAG_KIND_LABELS } from "@/components/drafts/labels";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { CHANNEL_LABELS, CHANNELS } from "@/lib/schemas/brand";
import { FLAG_KINDS, type CampaignOut } from "@/lib/schemas/drafts";
import type { QueuePage } from "@/lib/schemas/review";
import type { QueueFilters as Filters } from "../keys";
import { ASSIGNEE_OPTIONS, hasFilters } from "./filters";

const chip =
  "inline-flex h-8 items-center gap-1.5 rounded-full border px-3 text-[13px] font-medium transition-colors " +
  "focus-visible:outline-ring focus-visible:outline-2 focus-visible:outline-offset-2 " +
  "border-border bg-card text-foreground hover:bg-muted " +
  "aria-pressed:border-primary aria-pressed:bg-accent aria-pressed:text-accent-foreground";

/** Channel, campaign, assignee and flag-type filters of the queue (controlled; the queue keeps them in the URL). */
export function QueueFilters({
  value,
  campaigns,
  byKind,
  inReview,
  onChange,
}: {
  value: Filters;
  campaigns: CampaignOut[];
  byKind: QueuePage["counts"]["byKind"];
  /** Drafts in review (a draft with several kinds of flag counts once). */
  inReview: number;
  onChange: (next: Filters) => void;
}) {
  const id = useId();
  const set = (patch: Partial<Filters>) => onChange({ ...value, ...patch });
  const unknownCampaign = value.campaignId && !campaigns.some((c) => c.id === value.campaignId);
  // Kinds that occur in the queue, plus the selected one even when its count dropped to zero.
  const kinds = FLAG_KINDS.filter((k) => (byKind[k] ?? 0) > 0 || value.flagKind === k);
  return (
    <div role="search" aria-label="Filter the review queue" className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[10rem_14rem_auto_auto] lg:items-end">
        <div className="space-y-2">
          <Label htmlFor={`${id}-channel`}>Channel</Label>
          <Select id={`${id}-channel`} value={value.channel} onChange={(e) => set({ channel: e.target.value })}>
            <option value="">All channels</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-2">
          <Label htmlFor={`${id}-campaign`}>Campaign</Label>
          <Select id={`${id}-campaign`} value={value.campaignId} onChange={(e) => set({ campaignId: e.target.value })}>
            <option value="">All campaigns</option>
            {unknownCampaign ? <option value={value.campaignId}>Selected campaign</option> : null}
            {campaigns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-2">
          <span id={`${id}-assignee`} className="text-foreground block text-sm leading-none font-medium">
            Assignee
          </span>
          <div
            role="group"
            aria-labelledby={`${id}-assignee`}
            className="border-border bg-muted flex h-9 w-fit items-center gap-0.5 rounded-md border p-0.5"
          >
            {ASSIGNEE_OPTIONS.map((o) => (
              <button
                key={o.value}
                type="button"
                aria-pressed={value.assignee === o.value}
                onClick={() => set({ assignee: o.value })}
                className={cn(
                  "text-muted-foreground hover:text-foreground h-full rounded px-3 text-[13px] font-medium transition-colors",
                  "focus-visible:outline-ring focus-visible:outline-2 focus-visible:-outline-offset-2",
                  "aria-pressed:bg-card aria-pressed:text-foreground aria-pressed:shadow-card",
                )}
              >
                {o.label}
              </button>
            ))}
          </div>
        </div>
        <Button
          variant="ghost"
          onClick={() => onChange({ channel: "", campaignId: "", flagKind: "", assignee: "" })}
          disabled={!hasFilters(value)}
          className="lg:justify-self-end"
        >
          Clear filters
        </Button>
      </div>
      <div className="space-y-2">
        <span id={`${id}-kind`} className="text-foreground block text-sm leading-none font-medium">
          Flag type
        </span>
        <div role="group" aria-labelledby={`${id}-kind`} className="flex flex-wrap gap-2">
          <button
            type="button"
            className={chip}
            aria-pressed={value.flagKind === ""}
            onClick={() => set({ flagKind: "" })}
          >
            All types
            <span className="text-muted-foreground tabular-nums">{inReview}</span>
          </button>
          {kinds.map((k) => (
            <button
              key={k}
              type="button"
              className={chip}
              aria-pressed={value.flagKind === k}
              onClick={() => set({ flagKind: value.flagKind === k ? "" : k })}
            >
              {FLAG_KIND_LABELS[k]}
              <span className="text-muted-foreground tabular-nums">{byKind[k] ?? 0}</span>
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
