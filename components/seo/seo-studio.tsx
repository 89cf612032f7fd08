"use client";

import { Plus } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { TabList } from "@/components/ui/tab-list";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { BatchesList } from "./batches-list";
import { BatchProgress } from "./batch-progress";
import { JsonLdValidator } from "./jsonld-validator";
import { NewBatchForm } from "./new-batch-form";

export const SEO_TABS = ["batches", "validate"] as const;
export type SeoTab = (typeof SEO_TABS)[number];

const TAB_LABELS: Record<SeoTab, string> = {
  batches: "Batches",
  validate: "Validate JSON-LD",
};

/**
 * `/seo`: batches (a new batch, or the progress of the chosen one, next to the list of recent
 * batches) and a JSON-LD validator for any page's structured data.
 */
export function SeoStudio({ initialBatch, initialTab }: { initialBatch: string | null; initialTab?: string }) {
  const [tab, setTab] = useState<SeoTab>(SEO_TABS.includes(initialTab as SeoTab) ? (initialTab as SeoTab) : "batches");
  const [selected, setSelected] = useState<string | null>(initialBatch);
  // After a click the new view's heading takes the focus (not on the first load).
  const [moved, setMoved] = useState(false);
  const newHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (moved && !selected && tab === "batches") newHeading.current?.focus();
  }, [moved, selected, tab]);

  function select(id: string | null) {
    setSelected(id);
    // The address follows the selection (so a reload or a shared link opens the same batch).
    window.history.replaceState(null, "", id ? `/seo?batch=${encodeURIComponent(id)}` : "/seo");
    setMoved(true);
  }

  function selectTab(t: SeoTab) {
    setTab(t);
    const url = new URL(window.location.href);
    if (t === "batches") url.searchParams.delete("tab");
    else url.searchParams.set("tab", t);
    window.history.replaceState(null, "", `${url.pathname}${url.search}`);
  }

  return (
    <>
      <PageHeader
        title="SEO"
        description="Programmatic SEO pages: one template and a CSV with a row per page, written as drafts in the background and checked for near-duplicates and valid structured data."
        actions={
          selected && tab === "batches" ? (
            <Button onClick={() => select(null)} data-testid="seo-new-batch-button">
              <Plus aria-hidden="true" />
              New batch
            </Button>
          ) : null
        }
      />
      <TabList
        label="SEO sections"
        idPrefix="seo"
        tabs={SEO_TABS}
        labels={TAB_LABELS}
        selected={tab}
        onSelect={(t) => selectTab(t)}
      />
      <div
        role="tabpanel"
        id="seo-panel-batches"
        aria-labelledby="seo-tab-batches"
        hidden={tab !== "batches"}
        className="mt-6"
      >
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="min-w-0 space-y-4">
            {selected ? (
              <BatchProgress key={selected} id={selected} focusOnShow={moved} />
            ) : (
              <>
                <h2 ref={newHeading} tabIndex={-1} className="text-lg font-semibold tracking-tight outline-none">
                  New batch
                </h2>
                <NewBatchForm onStarted={(b) => select(b.id)} />
              </>
            )}
          </div>
          <BatchesList selected={selected} onSelect={select} />
        </div>
      </div>
      <div
        role="tabpanel"
        id="seo-panel-validate"
        aria-labelledby="seo-tab-validate"
        hidden={tab !== "validate"}
        className="mt-6"
      >
        {tab === "validate" ? <JsonLdValidator /> : null}
      </div>
    </>
  );
}
