import { Channel } from "@/lib/schemas/brand";
import { FlagKind } from "@/lib/schemas/drafts";
import type { QueueFilters } from "../keys";

/** The queue's filters as they live in the URL (`/review?channel=ad&flagKind=pii&assignee=me`). */

export const NO_FILTERS: QueueFilters = { channel: "", campaignId: "", flagKind: "", assignee: "" };

export const ASSIGNEE_OPTIONS = [
  { value: "", label: "All" },
  { value: "me", label: "Mine" },
  { value: "unassigned", label: "Unassigned" },
] as const;

type Params = { get(name: string): string | null };

/** Unknown or malformed values read as "no filter", so a hand-edited URL never breaks the page. */
export function filtersFromParams(p: Params): QueueFilters {
  const channel = Channel.safeParse(p.get("channel"));
  const flagKind = FlagKind.safeParse(p.get("flagKind"));
  const assignee = p.get("assignee") ?? "";
  return {
    channel: channel.success ? channel.data : "",
    campaignId: (p.get("campaignId") ?? "").slice(0, 100),
    flagKind: flagKind.success ? flagKind.data : "",
    assignee: ASSIGNEE_OPTIONS.some((o) => o.value === assignee) ? assignee : "",
  };
}

export function hasFilters(f: QueueFilters): boolean {
  return Boolean(f.channel || f.campaignId || f.flagKind || f.assignee);
}

/** `?channel=ad&…` (empty values left out), with extra parameters such as the page size and cursor. */
export function queueQueryString(f: QueueFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) params.set(k, v);
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}
