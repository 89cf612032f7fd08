import { DeliveryStatus } from "@/lib/schemas/publishing";

/**
 * The Publishing page's state as it lives in the URL:
 * `/publishing?tab=deliveries&status=dead&endpointId=…&eventType=page.published&q=msg_…`.
 * Unknown or malformed values read as "no filter", so a hand-edited URL never breaks the page.
 */

export const PUBLISHING_TABS = ["deliveries", "endpoints", "pages"] as const;
export type PublishingTab = (typeof PUBLISHING_TABS)[number];

/** The statuses the log's chips filter on ("delivering" is shown but is a moment, not a list). */
export const STATUS_CHIPS = ["pending", "succeeded", "dead"] as const;
export type StatusChip = (typeof STATUS_CHIPS)[number];

export type DeliveryFilters = {
  status: DeliveryStatus | "";
  endpointId: string;
  eventType: string;
  q: string;
};

export const NO_DELIVERY_FILTERS: DeliveryFilters = { status: "", endpointId: "", eventType: "", q: "" };

type Params = { get(name: string): string | null };

/** The selected tab; a tab the person cannot see (e.g. endpoints for an editor) falls back to the log. */
export function tabFromParams(p: Params, allowed: readonly PublishingTab[]): PublishingTab {
  const t = p.get("tab");
  return (allowed as readonly string[]).includes(t ?? "") ? (t as PublishingTab) : "deliveries";
}

const ID = /^[A-Za-z0-9_-]{1,100}$/;
const TYPE = /^[a-z0-9_.-]{1,100}$/;

export function deliveryFiltersFromParams(p: Params): DeliveryFilters {
  const status = DeliveryStatus.safeParse(p.get("status"));
  const endpointId = p.get("endpointId") ?? "";
  const eventType = p.get("eventType") ?? "";
  return {
    status: status.success ? status.data : "",
    endpointId: ID.test(endpointId) ? endpointId : "",
    eventType: TYPE.test(eventType) ? eventType : "",
    q: (p.get("q") ?? "").trim().slice(0, 200),
  };
}

export function hasDeliveryFilters(f: DeliveryFilters): boolean {
  return Boolean(f.status || f.endpointId || f.eventType || f.q);
}

/** The query string of the deliveries API (`?status=dead&limit=25&cursor=…`), empty values left out. */
export function deliveriesQueryString(f: DeliveryFilters, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...f, ...extra })) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}

/**
 * The page's URL for a tab and (for the log) its filters. The log's filters are kept while another
 * tab is open, so coming back shows the same list.
 */
export function publishingHref(tab: PublishingTab, f: DeliveryFilters = NO_DELIVERY_FILTERS): string {
  const params = new URLSearchParams();
  if (tab !== "deliveries") params.set("tab", tab);
  for (const [k, v] of Object.entries(f)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `/publishing?${s}` : "/publishing";
}

/** The log filtered to one event (the link after "Send test event"). */
export function eventLogHref(eventId: string): string {
  return publishingHref("deliveries", { ...NO_DELIVERY_FILTERS, q: eventId });
}

/** The log filtered to one endpoint and status (the pending/dead counts on an endpoint card). */
export function endpointLogHref(endpointId: string, status: DeliveryStatus | "" = ""): string {
  return publishingHref("deliveries", { ...NO_DELIVERY_FILTERS, endpointId, status });
}
