"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { TabList, TabPanel } from "@/components/ui/tab-list";
import { DeliveriesPanel } from "./deliveries-panel";
import { EndpointsPanel } from "./endpoints-panel";
import {
  deliveryFiltersFromParams,
  publishingHref,
  tabFromParams,
  type DeliveryFilters,
  type PublishingTab,
} from "./filters";
import { PagesPanel } from "./pages-panel";
import { PanelHeading } from "./panel-heading";

const LABELS: Record<PublishingTab, string> = {
  deliveries: "Deliveries",
  endpoints: "Endpoints",
  pages: "Published pages",
};
const ADMIN_TABS: readonly PublishingTab[] = ["deliveries", "endpoints", "pages"];
const EDITOR_TABS: readonly PublishingTab[] = ["deliveries", "pages"];
const ID = "publishing";

/**
 * The Publishing page for editors (the log and the pages) and admins (also the endpoints). The tab
 * and the log's filters live in the URL, so a filtered log can be shared and Back undoes a change.
 */
export function PublishingView({ role }: { role: "editor" | "admin" }) {
  const isAdmin = role === "admin";
  const tabs = isAdmin ? ADMIN_TABS : EDITOR_TABS;
  const searchParams = useSearchParams();
  const tab = tabFromParams(searchParams, tabs);
  const filters = useMemo(() => deliveryFiltersFromParams(searchParams), [searchParams]);
  const [creating, setCreating] = useState(false);
  // Panels mount when first shown (and stay mounted, so their state survives a tab switch).
  const [visited, setVisited] = useState<ReadonlySet<PublishingTab>>(() => new Set([tab]));
  if (!visited.has(tab)) setVisited(new Set(visited).add(tab));

  const go = useCallback((href: string, how: "push" | "replace" = "push") => {
    // Next.js keeps useSearchParams in step with pushState/replaceState: no server round trip.
    if (how === "push") window.history.pushState(null, "", href);
    else window.history.replaceState(null, "", href);
  }, []);
  const selectTab = (t: PublishingTab) => go(publishingHref(t, filters));
  const changeFilters = useCallback(
    (next: DeliveryFilters, how?: "push" | "replace") => go(publishingHref("deliveries", next), how),
    [go],
  );

  return (
    <div>
      <TabList
        label="Publishing"
        idPrefix={ID}
        tabs={tabs}
        labels={LABELS}
        selected={tab}
        onSelect={selectTab}
        className="mb-6"
      />
      <TabPanel idPrefix={ID} tab="deliveries" selected={tab}>
        <div className="space-y-5">
          <PanelHeading
            title="Delivery log"
            description="Every webhook sent to your endpoints, newest first: each attempt, the receiver's answer and when it is tried again."
          />
          {visited.has("deliveries") ? (
            <DeliveriesPanel
              filters={filters}
              isAdmin={isAdmin}
              onFiltersChange={changeFilters}
              onAddEndpoint={() => {
                setCreating(true);
                selectTab("endpoints");
              }}
            />
          ) : null}
        </div>
      </TabPanel>
      {isAdmin ? (
        <TabPanel idPrefix={ID} tab="endpoints" selected={tab}>
          {visited.has("endpoints") ? <EndpointsPanel creating={creating} onCreatingChange={setCreating} /> : null}
        </TabPanel>
      ) : null}
      <TabPanel idPrefix={ID} tab="pages" selected={tab}>
        <div className="space-y-5">
          <PanelHeading
            title="Published pages"
            description="The SEO pages Lectern serves at /p/<slug>, with their JSON-LD and a place in the sitemap; an unpublished page answers 410 Gone."
          />
          {visited.has("pages") ? <PagesPanel /> : null}
        </div>
      </TabPanel>
    </div>
  );
}
