"use client";

import { Plus } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { BatchesList } from "./batches-list";
import { BatchProgress } from "./batch-progress";
import { NewBatchForm } from "./new-batch-form";

/** `/seo`: a new batch (or the progress of the chosen one) next to the list of recent batches. */
export function SeoStudio({ initialBatch }: { initialBatch: string | null }) {
  const [selected, setSelected] = useState<string | null>(initialBatch);
  // After a click the new view's heading takes the focus (not on the first load).
  const [moved, setMoved] = useState(false);
  const newHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (moved && !selected) newHeading.current?.focus();
  }, [moved, selected]);

  function select(id: string | null) {
    setSelected(id);
    // The address follows the selection (so a reload or a shared link opens the same batch).
    window.history.replaceState(null, "", id ? `/seo?batch=${encodeURIComponent(id)}` : "/seo");
    setMoved(true);
  }

  return (
    <>
      <PageHeader
        title="SEO"
        description="Programmatic SEO pages: one template and a CSV with a row per page, written as drafts in the background and checked for near-duplicates."
        actions={
          selected ? (
            <Button onClick={() => select(null)} data-testid="seo-new-batch-button">
              <Plus aria-hidden="true" />
              New batch
            </Button>
          ) : null
        }
      />
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
    </>
  );
}
