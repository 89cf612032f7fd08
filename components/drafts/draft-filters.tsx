"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { CHANNEL_LABELS, CHANNELS } from "@/lib/schemas/brand";
import { DRAFT_STATUSES, type CampaignOut } from "@/lib/schemas/drafts";
import { STATUS } from "./labels";

export type DraftFilterValues = { channel: string; status: string; campaignId: string; q: string };

export const NO_FILTERS: DraftFilterValues = { channel: "", status: "", campaignId: "", q: "" };

export function hasFilters(f: DraftFilterValues): boolean {
  return Boolean(f.channel || f.status || f.campaignId || f.q);
}

/** The Drafts list's search box and filters (controlled; the panel applies them). */
export function DraftFilters({
  value,
  campaigns,
  onChange,
  onSubmit,
  onClear,
}: {
  value: DraftFilterValues;
  campaigns: CampaignOut[];
  onChange: (next: DraftFilterValues) => void;
  onSubmit: () => void;
  onClear: () => void;
}) {
  const id = useId();
  const set = (patch: Partial<DraftFilterValues>) => onChange({ ...value, ...patch });
  // A campaign from the URL that is not (or not yet) in the list still shows as selected.
  const unknownCampaign = value.campaignId && !campaigns.some((c) => c.id === value.campaignId);
  return (
    <form
      role="search"
      aria-label="Filter drafts"
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(12rem,1fr)_9rem_11rem_12rem_auto] lg:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <div className="space-y-2">
        <Label htmlFor={`${id}-q`}>Search titles and briefs</Label>
        <Input
          id={`${id}-q`}
          type="search"
          value={value.q}
          onChange={(e) => set({ q: e.target.value })}
          placeholder="e.g. backpack"
          maxLength={200}
        />
      </div>
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
        <Label htmlFor={`${id}-status`}>Status</Label>
        <Select id={`${id}-status`} value={value.status} onChange={(e) => set({ status: e.target.value })}>
          <option value="">All statuses</option>
          {DRAFT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS[s].label}
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
      <Button variant="ghost" onClick={onClear} disabled={!hasFilters(value)} className="lg:self-end">
        Clear filters
      </Button>
    </form>
  );
}
