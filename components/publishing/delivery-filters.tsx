"use client";

import { Search } from "lucide-react";
import { useEffect, useId, useState } from "react";
import { cn } from "@/components/lib/cn";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { DeliveryPage } from "@/lib/schemas/publishing";
import { hasDeliveryFilters, NO_DELIVERY_FILTERS, STATUS_CHIPS, type DeliveryFilters } from "./filters";
import { FILTER_EVENT_TYPES, eventTypeLabel, shortUrl } from "./format";

const chip =
  "inline-flex h-8 items-center gap-1.5 rounded-full border px-3 text-[13px] font-medium transition-colors " +
  "focus-visible:outline-ring focus-visible:outline-2 focus-visible:outline-offset-2 " +
  "border-border bg-card text-foreground hover:bg-muted " +
  "aria-pressed:border-primary aria-pressed:bg-accent aria-pressed:text-accent-foreground";

const CHIP_LABELS = { pending: "Pending", succeeded: "Succeeded", dead: "Dead" } as const;

export type EndpointOption = { id: string; url: string; deleted?: boolean };

/**
 * The log's filters (controlled; the panel keeps them in the URL): status chips with the
 * workspace's counts, endpoint and event type, and a search on the event id or the draft's title
 * that applies 300 ms after the last keystroke.
 */
export function DeliveryFiltersBar({
  value,
  counts,
  endpoints,
  onChange,
}: {
  value: DeliveryFilters;
  counts: DeliveryPage["counts"] | undefined;
  endpoints: EndpointOption[];
  onChange: (next: DeliveryFilters, how?: "push" | "replace") => void;
}) {
  const id = useId();
  const set = (patch: Partial<DeliveryFilters>) => onChange({ ...value, ...patch });

  // The box follows the URL (a link to one event, Back), and the URL follows the box after a pause.
  const [text, setText] = useState(value.q);
  const [seenQ, setSeenQ] = useState(value.q);
  if (seenQ !== value.q) {
    setSeenQ(value.q);
    setText(value.q);
  }
  useEffect(() => {
    if (text.trim() === value.q) return;
    const t = setTimeout(() => onChange({ ...value, q: text.trim() }, "replace"), 300);
    return () => clearTimeout(t);
  }, [text, value, onChange]);

  const unknownEndpoint = value.endpointId && !endpoints.some((e) => e.id === value.endpointId);
  const total = counts ? counts.pending + counts.succeeded + counts.dead : undefined;
  const chips = value.status === "delivering" ? [...STATUS_CHIPS, "delivering" as const] : STATUS_CHIPS;

  return (
    <div role="search" aria-label="Filter the delivery log" className="space-y-4">
      <div className="space-y-2">
        <span id={`${id}-status`} className="text-foreground block text-sm leading-none font-medium">
          Status
        </span>
        <div role="group" aria-labelledby={`${id}-status`} className="flex flex-wrap gap-2">
          <button type="button" className={chip} aria-pressed={value.status === ""} onClick={() => set({ status: "" })}>
            All
            {total !== undefined ? <span className="text-muted-foreground tabular-nums">{total}</span> : null}
          </button>
          {chips.map((s) => (
            <button
              key={s}
              type="button"
              className={cn(chip, s === "dead" && counts && counts.dead > 0 && "text-danger")}
              aria-pressed={value.status === s}
              onClick={() => set({ status: value.status === s ? "" : s })}
            >
              {s === "delivering" ? "Delivering" : CHIP_LABELS[s]}
              {counts && s !== "delivering" ? (
                <span className="text-muted-foreground tabular-nums">{counts[s]}</span>
              ) : null}
            </button>
          ))}
        </div>
        {value.status === "dead" ? (
          <p className="text-muted-foreground text-xs leading-5">
            The dead-letter list: deliveries that ran out of retries, got a 410 Gone, or whose endpoint was deleted.
            Replay sends them again with the same event id.
          </p>
        ) : null}
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,16rem)_minmax(0,14rem)_minmax(0,1fr)_auto] lg:items-end">
        <div className="space-y-2">
          <Label htmlFor={`${id}-endpoint`}>Endpoint</Label>
          <Select id={`${id}-endpoint`} value={value.endpointId} onChange={(e) => set({ endpointId: e.target.value })}>
            <option value="">All endpoints</option>
            {unknownEndpoint ? <option value={value.endpointId}>Selected endpoint</option> : null}
            {endpoints.map((e) => (
              <option key={e.id} value={e.id}>
                {shortUrl(e.url)}
                {e.deleted ? " (deleted)" : ""}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-2">
          <Label htmlFor={`${id}-type`}>Event type</Label>
          <Select id={`${id}-type`} value={value.eventType} onChange={(e) => set({ eventType: e.target.value })}>
            <option value="">All event types</option>
            {value.eventType && !FILTER_EVENT_TYPES.includes(value.eventType) ? (
              <option value={value.eventType}>{value.eventType}</option>
            ) : null}
            {FILTER_EVENT_TYPES.map((t) => (
              <option key={t} value={t} title={eventTypeLabel(t)}>
                {t}
              </option>
            ))}
          </Select>
        </div>
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim() !== value.q) onChange({ ...value, q: text.trim() });
          }}
        >
          <Label htmlFor={`${id}-q`}>Search</Label>
          <div className="relative">
            <Search
              aria-hidden="true"
              className="text-muted-foreground pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2"
            />
            <Input
              id={`${id}-q`}
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              maxLength={200}
              placeholder="Event id (msg_…) or draft title"
              className="pl-9"
            />
          </div>
        </form>
        <Button
          variant="ghost"
          onClick={() => {
            setText("");
            onChange(NO_DELIVERY_FILTERS);
          }}
          disabled={!hasDeliveryFilters(value)}
          className="lg:justify-self-end"
        >
          Clear filters
        </Button>
      </div>
    </div>
  );
}
